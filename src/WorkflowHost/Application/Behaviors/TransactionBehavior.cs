using MediatR;
using WorkflowHost.Persistence;

namespace WorkflowHost.Application.Behaviors;

/// <summary>
/// A command and everything it causes (its audit record included) commit together or not at all.
/// A command sent from inside another joins the outer transaction.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(WorkflowHostDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand || db.Database.CurrentTransaction is not null)
            return await next();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
