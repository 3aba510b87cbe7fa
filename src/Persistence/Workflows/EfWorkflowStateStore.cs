using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The write side of the runtime. A burst's <see cref="WorkflowCommit"/> is one transaction with no read-modify-write:
/// a conditional UPDATE of the instance (by id and the row version the burst read; no match → the whole transaction
/// is rolled back and <see cref="ConcurrencyException"/> thrown before any handler runs), set-based deletes and
/// multi-row inserts and upserts, all sent as one command (<see cref="RowBatch"/>), inside the group commit of
/// <see cref="EngineTransaction"/>.
/// </summary>
public sealed class EfWorkflowStateStore(WorkflowHostDbContext db, EngineTransaction transactions, IServiceScopeFactory scopes) : IWorkflowStateStore
{
    // The reads of every resume are compiled once (per EF model: SQLite and PostgreSQL models differ): EF's per-call
    // query-cache lookup cost more than the SQL itself.
    private static readonly PerModel<Func<WorkflowHostDbContext, string, CancellationToken, Task<string?>>> StateById = new(() =>
        EF.CompileAsyncQuery((WorkflowHostDbContext db, string id, CancellationToken _) =>
            db.Set<WorkflowInstanceRow>().AsNoTracking().Where(i => i.Id == id).Select(i => i.StateJson).FirstOrDefault()));

    private static readonly PerModel<Func<WorkflowHostDbContext, string, string, CancellationToken, Task<BookmarkAndState?>>> OldestBookmarkWithState = new(() =>
        EF.CompileAsyncQuery((WorkflowHostDbContext db, string name, string hash, CancellationToken _) =>
            db.Set<WorkflowBookmarkRow>().AsNoTracking().Where(b => b.Name == name && b.Hash == hash).OrderBy(b => b.CreatedAt)
                .Join(db.Set<WorkflowInstanceRow>(), b => b.WorkflowInstanceId, i => i.Id, (b, i) => new BookmarkAndState(b.BookmarkJson, i.StateJson))
                .FirstOrDefault()));

    private sealed record BookmarkAndState(string BookmarkJson, string StateJson);

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await StateById.For(db)(db, instanceId, cancellationToken) is { } json ? WorkflowStateJson.Deserialize(json) : null;

    public async Task<BookmarkedInstance?> FindBookmarkWithInstanceAsync(string name, string hash, CancellationToken cancellationToken = default) =>
        await OldestBookmarkWithState.For(db)(db, name, hash, cancellationToken) is { } found
            ? new BookmarkedInstance(RowMapping.Deserialize<Bookmark>(found.BookmarkJson), WorkflowStateJson.Deserialize(found.StateJson))
            : null;

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        var isNew = commit.ExpectedRowVersion is null;
        try
        {
            var commits = commit.SelfAndChildren().ToList();
            await transactions.RunAsync(async db =>
            {
                foreach (var each in commits) await WriteAsync(db, each, CancellationToken.None);
            }, commits.SelectMany(c => c.Notifications).ToList(), cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // The statements of a stale commit run after its guarded update matched nothing and may break a unique
            // key first (the journal sequence the other commit used): still a conflict, not a fault. A new instance
            // conflicts when its id exists (committed by someone else).
            var stored = await StoredRowVersionAsync(commit.Instance.Id, cancellationToken);
            if (isNew ? stored is not null : stored != commit.ExpectedRowVersion)
                throw new ConcurrencyException(isNew
                    ? $"Workflow instance {commit.Instance.Id} already exists."
                    : $"Workflow instance {commit.Instance.Id} was changed by another commit (expected row version {commit.ExpectedRowVersion}).");
            throw;
        }
    }

    private static async Task WriteAsync(WorkflowHostDbContext db, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var row = RowMapping.ToRow(commit.Instance);
        var batch = new RowBatch(db);
        if (commit.ExpectedRowVersion is { } expected) batch.UpdateIfUnchanged(row, expected);
        else batch.Insert([row]);
        batch.DeleteByIds<WorkflowBookmarkRow>(commit.BookmarksRemoved.Except(commit.BookmarksAdded.Select(b => b.Id)).ToList());
        batch.DeleteByIds<WorkflowTimerRow>(commit.TimersRemoved.Except(commit.TimersAdded.Select(t => t.Id)).ToList());
        batch.Upsert(commit.BookmarksAdded.Select(RowMapping.ToRow));
        batch.Upsert(commit.TimersAdded.Select(RowMapping.ToRow));
        batch.Upsert(commit.ActivityRecords.Select(RowMapping.ToRow));
        batch.Insert(commit.JournalEntries.Select(RowMapping.ToRow));
        if (!await batch.ExecuteAsync(cancellationToken))
            throw new ConcurrencyException(
                $"Workflow instance {row.Id} was changed by another commit (expected row version {commit.ExpectedRowVersion}).");
    }

    private async Task<long?> StoredRowVersionAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().Set<WorkflowInstanceRow>()
            .Where(i => i.Id == instanceId).Select(i => (long?)i.RowVersion).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string hash, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        var bookmarks = db.Set<WorkflowBookmarkRow>().AsNoTracking().Where(b => b.Name == name && b.Hash == hash);
        if (correlationId is not null)
            bookmarks = bookmarks.Where(b => db.Set<WorkflowInstanceRow>().Any(i => i.Id == b.WorkflowInstanceId && i.CorrelationId == correlationId));
        var rows = await bookmarks.OrderBy(b => b.CreatedAt).Select(b => b.BookmarkJson).ToListAsync(cancellationToken);
        return rows.Select(RowMapping.Deserialize<Bookmark>).ToList();
    }

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        await transactions.RunAsync(async db =>
        {
            deleted = await db.Set<WorkflowInstanceRow>().Where(i => i.Id == instanceId).ExecuteDeleteAsync(cancellationToken) > 0;
            if (!deleted) return;
            var dispatch = nameof(ScheduledWorkKind.Dispatch);
            await db.Set<WorkflowBookmarkRow>().Where(b => b.WorkflowInstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
            // A queued dispatch names the instance it will create, not this one's work.
            await db.Set<WorkflowTimerRow>().Where(t => t.WorkflowInstanceId == instanceId && t.Kind != dispatch).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ActivityExecutionRecordRow>().Where(r => r.WorkflowInstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<WorkflowJournalEntryRow>().Where(e => e.WorkflowInstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        }, [], cancellationToken);
        return deleted;
    }
}
