using MediatR;
using WorkflowHost.Application.Queries.Me;
using WorkflowHost.Identity;

namespace WorkflowHost.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeQuery(), ct))
            .WithTags("Identity").WithName("GetMe")
            .WithSummary("The signed-in user, their roles and the units they are a member of today.")
            .RequireAuthorization(Policies.ReadOrganisation);
        return app;
    }
}
