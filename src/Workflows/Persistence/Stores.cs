using MediatR;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Persistence;

/// <summary>
/// Everything one burst of one instance (a start, or a resume through a bookmark) changed. The store writes it in ONE
/// transaction: the instance (rejected with <see cref="ConcurrencyException"/> when the stored row version differs
/// from <see cref="ExpectedRowVersion"/>), bookmark and timer rows added/removed, activity records upserted, journal
/// entries appended; the <see cref="Notifications"/> are published inside that transaction before it commits (handlers
/// may add rows to the same unit of work), so all of it happens or none.
/// </summary>
public sealed record WorkflowCommit
{
    public required WorkflowInstance Instance { get; init; }
    /// <summary>Null: the instance is new (insert; fails if the id exists).</summary>
    public long? ExpectedRowVersion { get; init; }
    public IReadOnlyList<Bookmark> BookmarksAdded { get; init; } = [];
    public IReadOnlyList<string> BookmarksRemoved { get; init; } = [];
    public IReadOnlyList<ScheduledTimer> TimersAdded { get; init; } = [];
    /// <summary>Timer ids removed (no-op for ids that do not exist). A bookmark's timer has the bookmark's id.</summary>
    public IReadOnlyList<string> TimersRemoved { get; init; } = [];
    public IReadOnlyList<ActivityExecutionRecord> ActivityRecords { get; init; } = [];
    public IReadOnlyList<WorkflowExecutionLogEntry> JournalEntries { get; init; } = [];
    public IReadOnlyList<INotification> Notifications { get; init; } = [];
    /// <summary>
    /// Commits of child instances this burst started in-process (ExecuteWorkflow): written in the SAME transaction, so
    /// a child exists exactly when the parent burst that started it committed — a crash or a conflict before that
    /// leaves neither, and the redone burst starts the child once.
    /// </summary>
    public IReadOnlyList<WorkflowCommit> ChildCommits { get; init; } = [];

    /// <summary>This commit, then its child commits depth-first (the order a store writes them in).</summary>
    public IEnumerable<WorkflowCommit> SelfAndChildren() => ChildCommits.SelectMany(c => c.SelfAndChildren()).Prepend(this);
}

/// <summary>Changes to definitions (publish/retract/save/delete) with their trigger timers, in one transaction.</summary>
public sealed record DefinitionCommit
{
    public IReadOnlyList<WorkflowDefinitionVersion> Upserts { get; init; } = [];
    public IReadOnlyList<string> DeletedVersionIds { get; init; } = [];
    /// <summary>Trigger timers (kind Trigger) of these definition ids are removed before <see cref="TimersAdded"/> are added.</summary>
    public IReadOnlyList<string> ResetTriggersOfDefinitionIds { get; init; } = [];
    public IReadOnlyList<ScheduledTimer> TimersAdded { get; init; } = [];
    public IReadOnlyList<INotification> Notifications { get; init; } = [];
}

/// <summary>The stored row changed since it was read (another host or burst committed first).</summary>
public sealed class ConcurrencyException(string message) : Exception(message);

/// <summary>Definition versions. The EF implementation stores the JSON model verbatim plus the indexed columns.</summary>
public interface IWorkflowDefinitionStore
{
    Task<WorkflowDefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken = default);
    /// <summary>The highest version matching the options (for LatestOrPublished: the latest, else the published one).</summary>
    Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);
    /// <summary>Ids of every published version (where stimulus triggers are looked for).</summary>
    async Task<IReadOnlyList<string>> ListPublishedVersionIdsAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync(new WorkflowDefinitionQuery { VersionOptions = VersionOptions.Published }, cancellationToken)).Items.Select(v => v.Id).ToList();
    Task<Page<WorkflowDefinitionVersion>> QueryAsync(WorkflowDefinitionQuery query, CancellationToken cancellationToken = default);
    /// <summary>Whether no other definition (excluding <paramref name="excludeDefinitionId"/>) uses this name (trimmed, case-insensitive).</summary>
    Task<bool> IsNameUniqueAsync(string name, string? excludeDefinitionId, CancellationToken cancellationToken = default);
    Task CommitAsync(DefinitionCommit commit, CancellationToken cancellationToken = default);
}

/// <summary>Instance state, bookmarks, activity records and journal: the write side of the runtime.</summary>
public interface IWorkflowStateStore
{
    Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
    /// <summary>Atomically applies a burst (see <see cref="WorkflowCommit"/>); throws <see cref="ConcurrencyException"/> on a stale row version.</summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default);
    /// <summary>Bookmarks by (name, hash), optionally only in instances with this correlation id.</summary>
    Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string hash, string? correlationId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The oldest bookmark with this (name, hash) together with its instance's state — one read where the store can
    /// (a task completion's only read). The pair is read before the instance lock is taken, so the runtime treats the
    /// state as a guess the commit's row-version check confirms.
    /// </summary>
    async Task<BookmarkedInstance?> FindBookmarkWithInstanceAsync(string name, string hash, CancellationToken cancellationToken = default)
    {
        foreach (var bookmark in await FindBookmarksAsync(name, hash, null, cancellationToken))
            if (await GetInstanceAsync(bookmark.WorkflowInstanceId, cancellationToken) is { } instance)
                return new BookmarkedInstance(bookmark, instance);
        return null;
    }
    /// <summary>Deletes an instance with its bookmarks, timers, activity records and journal. False if unknown.</summary>
    Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>A bookmark and the state of the instance holding it, read together.</summary>
public sealed record BookmarkedInstance(Bookmark Bookmark, WorkflowInstance Instance);

/// <summary>
/// The due-item table. <see cref="ClaimDueAsync"/> must hand a row to one owner at a time: rows due at or before
/// <c>now</c> whose lease is free or expired get <c>LeaseOwner/LeaseUntil</c> set and are returned (PostgreSQL:
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c> then UPDATE, in one transaction). A claimed row is deleted by the commit of
/// the work it caused; if the host dies, the lease expires and another claim picks it up.
/// </summary>
public interface ITimerStore
{
    Task<IReadOnlyList<ScheduledTimer>> ClaimDueAsync(DateTimeOffset now, int batchSize, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);
    /// <summary>Earliest due time of any row (claimed or not), or null.</summary>
    Task<DateTimeOffset?> GetNextDueAtAsync(CancellationToken cancellationToken = default);
    /// <summary>Removes a row whose work no longer applies (e.g. its bookmark was consumed meanwhile).</summary>
    Task DeleteAsync(string timerId, CancellationToken cancellationToken = default);
    /// <summary>Adds one row outside a burst (a workflow dispatched through the API); the id must be new.</summary>
    Task AddAsync(ScheduledTimer timer, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ScheduledTimer>> ListAsync(string? workflowInstanceId = null, CancellationToken cancellationToken = default);
}

/// <summary>Read side for the REST API and the instance viewer.</summary>
public interface IWorkflowQueryStore
{
    Task<Page<WorkflowInstanceSummary>> QueryInstancesAsync(WorkflowInstanceQuery query, CancellationToken cancellationToken = default);
    Task<Page<WorkflowExecutionLogEntry>> QueryJournalAsync(string instanceId, JournalFilter? filter, int skip, int take, CancellationToken cancellationToken = default);
    /// <summary>Records of an instance (optionally one node id), ordered by start time.</summary>
    Task<IReadOnlyList<ActivityExecutionRecord>> ListActivityRecordsAsync(string instanceId, string? activityNodeId = null, CancellationToken cancellationToken = default);
    Task<ActivityExecutionRecord?> GetActivityRecordAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ActivityExecutionStats>> GetActivityStatsAsync(string instanceId, IReadOnlyCollection<string>? activityNodeIds, CancellationToken cancellationToken = default);
}
