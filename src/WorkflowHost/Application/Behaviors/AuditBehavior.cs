using MediatR;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application.Behaviors;

/// <summary>Writes the audit record of an <see cref="IAuditedCommand{TResponse}"/> after its handler succeeded.</summary>
public sealed class AuditBehavior<TRequest, TResponse>(IAuditTrail trail, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IAuditedCommand<TResponse> audited && audited.ToAuditEntry(response) is { } entry)
            await trail.AppendAsync(entry, entry.Actor ?? currentUser.UserName ?? "system", cancellationToken);
        return response;
    }
}
