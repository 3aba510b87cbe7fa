using MediatR;
using WorkflowHost.Persistence;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>
/// Fails fast, with the rule in the message, when an <see cref="IWorkflowCommand{TResponse}"/> is sent while a
/// database transaction of the same scope is open (e.g. from inside a command handler): on SQLite that would
/// otherwise hang until the busy timeout.
/// </summary>
public sealed class WorkflowCommandGuardBehavior<TRequest, TResponse>(WorkflowHostDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IWorkflowCommand<TResponse> && db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException(
                $"{typeof(TRequest).Name} calls the workflow runtime and must not run inside a database transaction: " +
                "the engine commits its own. Send it outside any ICommand (see IWorkflowCommand).");
        return next();
    }
}
