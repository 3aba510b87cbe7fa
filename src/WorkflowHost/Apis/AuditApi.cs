using MediatR;
using WorkflowHost.Application.Queries.Audit;
using WorkflowHost.Identity;

namespace WorkflowHost.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verification", (IMediator mediator, CancellationToken ct) =>
                mediator.Send(new VerifyAuditChainQuery(), ct))
            .WithTags("Audit").WithName("VerifyAuditChain")
            .WithSummary("Re-computes the audit trail's hash chain and reports the first broken record.")
            .RequireAuthorization(Policies.Audit);
        return app;
    }
}
