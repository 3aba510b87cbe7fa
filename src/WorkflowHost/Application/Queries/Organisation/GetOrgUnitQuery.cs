using MediatR;
using WorkflowHost.Application.Validation;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Queries.Organisation;

/// <summary>One unit with its ancestors, children, via body and members as of a day.</summary>
public sealed record GetOrgUnitQuery(string Code, string? AsOf) : IQuery<OrgUnitDetailDto>;

public sealed record OrgUnitDetailDto(
    DateOnly AsOf,
    OrgUnitDto Unit,
    IReadOnlyList<OrgUnitDto> Ancestors,
    IReadOnlyList<OrgUnitDto> Children,
    OrgUnitDto? ViaBody,
    IReadOnlyList<MemberDto> Members);

public sealed class GetOrgUnitQueryValidator : IRequestValidator<GetOrgUnitQuery>
{
    public IEnumerable<ValidationError> Validate(GetOrgUnitQuery request) => AsOfDate.Validate(request.AsOf);
}

public sealed class GetOrgUnitQueryHandler(IOrganisationQueries organisation, TimeProvider time)
    : IRequestHandler<GetOrgUnitQuery, OrgUnitDetailDto>
{
    public async Task<OrgUnitDetailDto> Handle(GetOrgUnitQuery request, CancellationToken cancellationToken)
    {
        var asOf = AsOfDate.Resolve(request.AsOf, time);
        var snapshot = await organisation.SnapshotAsync(asOf, cancellationToken);
        var unit = snapshot.Find(request.Code)
            ?? throw new NotFoundException($"Unit '{request.Code}' does not exist on {asOf:yyyy-MM-dd}.");
        return new OrgUnitDetailDto(
            asOf,
            OrgUnitDto.From(unit, asOf),
            snapshot.Ancestors(unit.Code).Select(u => OrgUnitDto.From(u, asOf)).ToList(),
            snapshot.Children(unit.Code).Select(u => OrgUnitDto.From(u, asOf)).ToList(),
            snapshot.ViaBody(unit.Code) is { } via ? OrgUnitDto.From(via, asOf) : null,
            snapshot.Members(unit.Code).Select(MemberDto.From).ToList());
    }
}
