using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The engine's unit of work: a fresh DI scope whose <see cref="WorkflowHostDbContext"/> runs one transaction; the
/// store's statements run in it, then the commit's notifications are published through the SAME scope's
/// <see cref="IMediator"/> (domain handlers take the scoped context and add rows without saving), then one
/// SaveChanges and the commit. A throwing handler or a failed statement rolls everything back.
/// <para>
/// Rule for the host: a MediatR command that calls the runtime must not run inside another transaction on this
/// database (the foundation's TransactionBehavior) — on SQLite the second connection would wait for the first
/// forever, and the engine's commit already is the command's transaction.
/// </para>
/// </summary>
internal static class EngineTransaction
{
    public static async Task RunAsync(IServiceScopeFactory scopes, Func<WorkflowHostDbContext, Task> write,
        IReadOnlyList<INotification> notifications, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await write(db);
        if (notifications.Count > 0)
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            foreach (var notification in notifications) await mediator.Publish(notification, cancellationToken);
        }
        // Only handlers add tracked rows (the store's own writes are statements already sent).
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
