using MediatR;
using WorkflowHost.Application.Queries.Organisation;
using WorkflowHost.Identity;

namespace WorkflowHost.Apis;

public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/org-units").WithTags("Organisation").RequireAuthorization(Policies.ReadOrganisation);

        group.MapGet("/", (string? asOf, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetOrgTreeQuery(asOf), ct))
            .WithName("GetOrgTree")
            .WithSummary("The organisation tree as of a day (yyyy-MM-dd; default today in Asia/Ho_Chi_Minh).");

        group.MapGet("/{code}", (string code, string? asOf, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetOrgUnitQuery(code, asOf), ct))
            .WithName("GetOrgUnit")
            .WithSummary("One unit with its ancestors, children, via body and members as of a day.");
        return app;
    }
}
