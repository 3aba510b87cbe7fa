using MediatR;
using WorkflowHost.Application.Validation;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Queries.Organisation;

/// <summary>The organisation tree as of a day (<c>GET /api/org-units</c>, the Tổ chức page).</summary>
public sealed record GetOrgTreeQuery(string? AsOf) : IQuery<OrgTreeResponse>;

public sealed record OrgTreeResponse(DateOnly AsOf, IReadOnlyList<OrgTreeNodeDto> Units);

public sealed class GetOrgTreeQueryValidator : IRequestValidator<GetOrgTreeQuery>
{
    public IEnumerable<ValidationError> Validate(GetOrgTreeQuery request) => AsOfDate.Validate(request.AsOf);
}

public sealed class GetOrgTreeQueryHandler(IOrganisationQueries organisation, TimeProvider time)
    : IRequestHandler<GetOrgTreeQuery, OrgTreeResponse>
{
    public async Task<OrgTreeResponse> Handle(GetOrgTreeQuery request, CancellationToken cancellationToken)
    {
        var asOf = AsOfDate.Resolve(request.AsOf, time);
        var tree = await organisation.TreeAsync(asOf, cancellationToken);
        return new OrgTreeResponse(asOf, tree.Select(n => OrgTreeNodeDto.From(n, asOf)).ToList());
    }
}
