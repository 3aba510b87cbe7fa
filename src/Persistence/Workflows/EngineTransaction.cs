using System.Threading.Channels;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The engine's unit of work, with group commit. Each engine commit (a burst's rows, a definition change, an instance
/// deletion) is queued to ONE writer, which takes everything queued at that moment into one database transaction:
/// per commit a savepoint, its statements, its notifications published through the scope's <see cref="IMediator"/>
/// (domain handlers take the scoped <see cref="WorkflowHostDbContext"/> and add rows), SaveChanges, release — or, if
/// any of that throws, a rollback to the savepoint and that caller alone gets the exception. Then one COMMIT (one
/// fsync) for the whole group, and each caller's await returns only after it: "committed" still means durable.
/// <para>
/// Why: a commit costs one write-ahead-log sync whatever it holds, and SQLite has a single writer — concurrent
/// bursts would otherwise queue on its lock (sleep-and-retry) and sync one by one. Alone, a commit is a group of one.
/// The handlers run in the caller's execution context (who acted, the request's user). A handler must not call the
/// runtime: its commit would wait for the group it is part of (refused, see <see cref="RunAsync"/>).
/// </para>
/// <para>
/// Rule for the host: a MediatR command that calls the runtime must not run inside another transaction on this
/// database (the foundation's TransactionBehavior) — on SQLite its connection would hold the write lock the writer
/// waits for, and the engine's commit already is the command's transaction.
/// </para>
/// </summary>
public sealed class EngineTransaction : IAsyncDisposable, IDisposable
{
    private const int MaxGroup = 128;

    private static readonly AsyncLocal<bool> InsideGroup = new();

    private readonly IServiceScopeFactory _scopes;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public EngineTransaction(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writer = Task.Run(WriteGroupsAsync);
    }

    private sealed record Work(Func<WorkflowHostDbContext, Task> Write, IReadOnlyList<INotification> Notifications, ExecutionContext? Context)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Runs <paramref name="write"/> and publishes <paramref name="notifications"/> in one transaction; returns once it
    /// is committed (throws what failed, with nothing of it written). Cancelled before it is queued, nothing is queued;
    /// statements that observe a token and throw roll back that work alone.
    /// </summary>
    public Task RunAsync(Func<WorkflowHostDbContext, Task> write, IReadOnlyList<INotification> notifications,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (InsideGroup.Value)
            throw new InvalidOperationException("An engine commit was requested from inside another engine commit (a notification handler called the runtime).");
        var work = new Work(write, notifications, ExecutionContext.Capture());
        if (!_queue.Writer.TryWrite(work)) throw new ObjectDisposedException(nameof(EngineTransaction));
        return work.Done.Task;
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Work>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var work)) group.Add(work);
            await CommitGroupAsync(group);
            group.Clear();
        }
    }

    private async Task CommitGroupAsync(List<Work> group)
    {
        var written = new List<Work>(group.Count);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var work in group)
            {
                if (await TryWriteAsync(scope.ServiceProvider, db, transaction, work)) written.Add(work);
            }
            if (written.Count > 0) await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // The transaction itself failed (begin or commit): nothing of the group is written.
            foreach (var work in group) work.Done.TrySetException(exception);
            return;
        }
        foreach (var work in written) work.Done.TrySetResult();
    }

    private static async Task<bool> TryWriteAsync(IServiceProvider services, WorkflowHostDbContext db, IDbContextTransaction transaction, Work work)
    {
        const string savepoint = "engine_commit";
        await transaction.CreateSavepointAsync(savepoint);
        try
        {
            await InCallerContext(work, () => WriteAsync(services, db, work));
            await transaction.ReleaseSavepointAsync(savepoint);
            return true;
        }
        catch (Exception exception)
        {
            await transaction.RollbackToSavepointAsync(savepoint);
            await transaction.ReleaseSavepointAsync(savepoint);
            work.Done.TrySetException(exception);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async Task WriteAsync(IServiceProvider services, WorkflowHostDbContext db, Work work)
    {
        InsideGroup.Value = true;
        await work.Write(db);
        if (work.Notifications.Count > 0)
        {
            var mediator = services.GetRequiredService<IMediator>();
            foreach (var notification in work.Notifications) await mediator.Publish(notification);
        }
        // Only handlers add tracked rows (the stores' own writes are statements already sent).
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync();
    }

    /// <summary>Starts <paramref name="run"/> in the caller's captured execution context (its async-locals flow on from there).</summary>
    private static Task InCallerContext(Work work, Func<Task> run)
    {
        if (work.Context is null) return run();
        Task? task = null;
        ExecutionContext.Run(work.Context, _ => task = run(), null);
        return task!;
    }

    /// <summary>Commits what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
