using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Persistence;

/// <summary>
/// The data of the in-memory stores, separate from the store service so that a second service provider (a "restarted
/// host") can open the same data, as it would open the same database file.
/// </summary>
public sealed class InMemoryWorkflowDatabase
{
    internal Lock Gate { get; } = new();
    internal Dictionary<string, WorkflowDefinitionVersion> Definitions { get; } = new();
    internal Dictionary<string, (string Json, WorkflowInstanceSummary Summary, long RowVersion)> Instances { get; } = new();
    internal Dictionary<string, Bookmark> Bookmarks { get; } = new();
    internal Dictionary<string, ScheduledTimer> Timers { get; } = new();
    internal Dictionary<string, ActivityExecutionRecord> Records { get; } = new();
    internal Dictionary<string, List<WorkflowExecutionLogEntry>> Journal { get; } = new();
}

/// <summary>
/// In-process implementation of every engine store, with the semantics the EF implementation must have: a commit is
/// applied entirely or not at all, a stale row version is rejected, notifications are published before the commit is
/// applied (a throwing handler aborts it), timer claims are leased. Instance state is kept serialised, so nothing
/// leaks between the runtime's objects and the stored copy. Used by tests and the virtual-time rehearsal.
/// </summary>
public sealed class InMemoryWorkflowStore(InMemoryWorkflowDatabase database, IServiceScopeFactory? scopeFactory = null)
    : IWorkflowDefinitionStore, IWorkflowStateStore, ITimerStore, IWorkflowQueryStore
{
    private Lock _gate => database.Gate;
    private Dictionary<string, WorkflowDefinitionVersion> _definitions => database.Definitions;
    private Dictionary<string, (string Json, WorkflowInstanceSummary Summary, long RowVersion)> _instances => database.Instances;
    private Dictionary<string, Bookmark> _bookmarks => database.Bookmarks;
    private Dictionary<string, ScheduledTimer> _timers => database.Timers;
    private Dictionary<string, ActivityExecutionRecord> _records => database.Records;
    private Dictionary<string, List<WorkflowExecutionLogEntry>> _journal => database.Journal;

    // ---- definitions -------------------------------------------------------------------------------------------

    public Task<WorkflowDefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(Copy(_definitions.GetValueOrDefault(versionId)));
    }

    public Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var matches = _definitions.Values.Where(d => d.DefinitionId == definitionId && versionOptions.Matches(d.Version, d.IsLatest, d.IsPublished));
            var chosen = versionOptions.Selector == VersionSelector.LatestOrPublished
                ? matches.OrderByDescending(d => d.IsLatest).ThenByDescending(d => d.Version).FirstOrDefault()
                : matches.OrderByDescending(d => d.Version).FirstOrDefault();
            return Task.FromResult(Copy(chosen));
        }
    }

    public Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<WorkflowDefinitionVersion>>(_definitions.Values
                .Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).Select(d => Copy(d)!).ToList());
    }

    public Task<Page<WorkflowDefinitionVersion>> QueryAsync(WorkflowDefinitionQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<WorkflowDefinitionVersion> items = _definitions.Values.Where(d => query.VersionOptions.Matches(d.Version, d.IsLatest, d.IsPublished));
            if (query.DefinitionIds is { Count: > 0 } definitionIds) items = items.Where(d => definitionIds.Contains(d.DefinitionId));
            if (query.Ids is { Count: > 0 } ids) items = items.Where(d => ids.Contains(d.Id));
            if (query.IsSystem is { } isSystem) items = items.Where(d => d.IsSystem == isSystem);
            if (!string.IsNullOrWhiteSpace(query.SearchTerm))
            {
                var term = query.SearchTerm.Trim();
                items = items.Where(d => Contains(d.Id, term) || Contains(d.DefinitionId, term) || Contains(d.Name, term) || Contains(d.Description, term));
            }
            var orderBy = query.OrderBy ?? DefinitionOrderBy.Name;
            var direction = query.OrderDirection ?? (orderBy == DefinitionOrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending);
            Func<WorkflowDefinitionVersion, object?> key = orderBy switch
            {
                DefinitionOrderBy.Version => d => d.Version,
                DefinitionOrderBy.Created => d => d.CreatedAt,
                _ => d => d.Name ?? ""
            };
            items = direction == OrderDirection.Ascending ? items.OrderBy(key) : items.OrderByDescending(key);
            return Task.FromResult(ToPage(items.Select(d => Copy(d)!).ToList(), query.Page, query.PageSize));
        }
    }

    public Task<bool> IsNameUniqueAsync(string name, string? excludeDefinitionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(!_definitions.Values.Any(d => d.DefinitionId != excludeDefinitionId
                && string.Equals(d.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    public async Task CommitAsync(DefinitionCommit commit, CancellationToken cancellationToken = default)
    {
        await PublishAsync(commit.Notifications, cancellationToken);
        lock (_gate)
        {
            foreach (var id in commit.DeletedVersionIds) _definitions.Remove(id);
            foreach (var version in commit.Upserts) _definitions[version.Id] = Copy(version)!;
            foreach (var timer in _timers.Values.Where(t => t.Kind == ScheduledWorkKind.Trigger && commit.ResetTriggersOfDefinitionIds.Contains(t.DefinitionId!)).ToList())
                _timers.Remove(timer.Id);
            foreach (var timer in commit.TimersAdded) _timers[timer.Id] = timer;
        }
    }

    // ---- instances ---------------------------------------------------------------------------------------------

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_instances.TryGetValue(instanceId, out var row) ? WorkflowStateJson.Deserialize(row.Json) : null);
    }

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        var commits = commit.SelfAndChildren().ToList();
        lock (_gate) commits.ForEach(CheckRowVersion);
        foreach (var each in commits) await PublishAsync(each.Notifications, cancellationToken);
        var states = commits.Select(c => WorkflowStateJson.Serialize(c.Instance)).ToList();
        lock (_gate)
        {
            commits.ForEach(CheckRowVersion);
            for (var i = 0; i < commits.Count; i++) Apply(commits[i], states[i]);
        }
    }

    private void Apply(WorkflowCommit commit, string json)
    {
        var instance = commit.Instance;
        _instances[instance.Id] = (json, WorkflowInstanceSummary.From(instance), instance.RowVersion);
        foreach (var id in commit.BookmarksRemoved) _bookmarks.Remove(id);
        foreach (var bookmark in commit.BookmarksAdded) _bookmarks[bookmark.Id] = bookmark;
        foreach (var id in commit.TimersRemoved) _timers.Remove(id);
        foreach (var timer in commit.TimersAdded) _timers[timer.Id] = timer;
        foreach (var record in commit.ActivityRecords) _records[record.Id] = record;
        if (commit.JournalEntries.Count > 0)
        {
            if (!_journal.TryGetValue(instance.Id, out var journal)) _journal[instance.Id] = journal = [];
            journal.AddRange(commit.JournalEntries);
        }
    }

    private void CheckRowVersion(WorkflowCommit commit)
    {
        var exists = _instances.TryGetValue(commit.Instance.Id, out var row);
        if (commit.ExpectedRowVersion is null && exists)
            throw new ConcurrencyException($"Workflow instance {commit.Instance.Id} already exists.");
        if (commit.ExpectedRowVersion is { } expected && (!exists || row.RowVersion != expected))
            throw new ConcurrencyException($"Workflow instance {commit.Instance.Id} was changed by another commit (expected row version {expected}, found {(exists ? row.RowVersion : "none")}).");
    }

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string hash, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Bookmark>>(_bookmarks.Values
                .Where(b => b.Name == name && b.Hash == hash)
                .Where(b => correlationId is null || (_instances.TryGetValue(b.WorkflowInstanceId, out var row) && row.Summary.CorrelationId == correlationId))
                .OrderBy(b => b.CreatedAt).ToList());
    }

    public Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_instances.Remove(instanceId)) return Task.FromResult(false);
            foreach (var id in _bookmarks.Values.Where(b => b.WorkflowInstanceId == instanceId).Select(b => b.Id).ToList()) _bookmarks.Remove(id);
            foreach (var id in _timers.Values.Where(t => t.WorkflowInstanceId == instanceId && t.Kind != ScheduledWorkKind.Dispatch).Select(t => t.Id).ToList()) _timers.Remove(id);
            foreach (var id in _records.Values.Where(r => r.WorkflowInstanceId == instanceId).Select(r => r.Id).ToList()) _records.Remove(id);
            _journal.Remove(instanceId);
            return Task.FromResult(true);
        }
    }

    // ---- timers ------------------------------------------------------------------------------------------------

    public Task<IReadOnlyList<ScheduledTimer>> ClaimDueAsync(DateTimeOffset now, int batchSize, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var claimed = _timers.Values
                .Where(t => t.DueAt <= now && (t.LeaseUntil is null || t.LeaseUntil <= now))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(batchSize)
                .Select(t => t with { LeaseOwner = owner, LeaseUntil = leaseUntil }).ToList();
            foreach (var timer in claimed) _timers[timer.Id] = timer;
            return Task.FromResult<IReadOnlyList<ScheduledTimer>>(claimed);
        }
    }

    public Task<DateTimeOffset?> GetNextDueAtAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_timers.Count == 0 ? null : (DateTimeOffset?)_timers.Values.Min(t => t.DueAt));
    }

    public Task DeleteAsync(string timerId, CancellationToken cancellationToken = default)
    {
        lock (_gate) _timers.Remove(timerId);
        return Task.CompletedTask;
    }

    public Task AddAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            if (!_timers.TryAdd(timer.Id, timer)) throw new InvalidOperationException($"Timer '{timer.Id}' already exists.");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScheduledTimer>> ListAsync(string? workflowInstanceId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ScheduledTimer>>(_timers.Values
                .Where(t => workflowInstanceId is null || t.WorkflowInstanceId == workflowInstanceId).OrderBy(t => t.DueAt).ToList());
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    public Task<Page<WorkflowInstanceSummary>> QueryInstancesAsync(WorkflowInstanceQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<WorkflowInstanceSummary> items = _instances.Values.Select(r => r.Summary);
            if (query.ParentWorkflowInstanceId is { } parentId) items = items.Where(i => i.ParentWorkflowInstanceId == parentId);
            if (query.Ids is { Count: > 0 } ids) items = items.Where(i => ids.Contains(i.Id));
            if (query.DefinitionIds is { Count: > 0 } defs) items = items.Where(i => defs.Contains(i.DefinitionId));
            if (query.DefinitionVersionIds is { Count: > 0 } versions) items = items.Where(i => versions.Contains(i.DefinitionVersionId));
            if (query.Version is { } version) items = items.Where(i => i.Version == version);
            if (query.Statuses is { Count: > 0 } statuses) items = items.Where(i => statuses.Contains(i.Status));
            if (query.SubStatuses is { Count: > 0 } subStatuses) items = items.Where(i => subStatuses.Contains(i.SubStatus));
            if (!string.IsNullOrEmpty(query.CorrelationId)) items = items.Where(i => i.CorrelationId == query.CorrelationId);
            if (!string.IsNullOrEmpty(query.Name)) items = items.Where(i => i.Name == query.Name);
            if (query.HasIncidents is { } hasIncidents) items = items.Where(i => (i.IncidentCount > 0) == hasIncidents);
            if (!string.IsNullOrWhiteSpace(query.SearchTerm))
            {
                var term = query.SearchTerm.Trim();
                items = items.Where(i => Contains(i.Id, term) || Contains(i.Name, term) || Contains(i.CorrelationId, term) || Contains(i.DefinitionId, term));
            }
            foreach (var filter in query.TimestampFilters ?? [])
                items = items.Where(i => Compare(filter, filter.Column switch
                {
                    TimestampColumn.UpdatedAt => i.UpdatedAt,
                    TimestampColumn.FinishedAt => i.FinishedAt,
                    _ => i.CreatedAt
                }));
            var orderBy = query.OrderBy ?? InstanceOrderBy.Created;
            var direction = query.OrderDirection ?? (orderBy == InstanceOrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending);
            Func<WorkflowInstanceSummary, object?> key = orderBy switch
            {
                InstanceOrderBy.LastExecuted or InstanceOrderBy.UpdatedAt => i => i.UpdatedAt,
                InstanceOrderBy.Finished => i => i.FinishedAt,
                InstanceOrderBy.Name => i => i.Name ?? "",
                _ => i => i.CreatedAt
            };
            items = direction == OrderDirection.Ascending ? items.OrderBy(key) : items.OrderByDescending(key);
            return Task.FromResult(ToPage(items.ToList(), query.Page, query.PageSize));
        }
    }

    private static bool Compare(TimestampFilter filter, DateTimeOffset? value) => value is { } v && filter.Operator switch
    {
        TimestampOperator.Is => v == filter.Timestamp,
        TimestampOperator.IsNot => v != filter.Timestamp,
        TimestampOperator.LessThan => v < filter.Timestamp,
        TimestampOperator.GreaterThan => v > filter.Timestamp,
        TimestampOperator.LessThanOrEqual => v <= filter.Timestamp,
        _ => v >= filter.Timestamp
    };

    public Task<Page<WorkflowExecutionLogEntry>> QueryJournalAsync(string instanceId, JournalFilter? filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<WorkflowExecutionLogEntry> items = _journal.GetValueOrDefault(instanceId) ?? [];
            if (filter?.ActivityIds is { Count: > 0 } activityIds) items = items.Where(e => activityIds.Contains(e.ActivityId));
            if (filter?.ActivityNodeIds is { Count: > 0 } nodeIds) items = items.Where(e => nodeIds.Contains(e.NodeId));
            if (filter?.ExcludedActivityTypes is { Count: > 0 } excluded) items = items.Where(e => !excluded.Contains(e.ActivityType));
            if (filter?.EventNames is { Count: > 0 } eventNames) items = items.Where(e => eventNames.Contains(e.EventName));
            var list = items.OrderBy(e => e.Sequence).ToList();
            return Task.FromResult(new Page<WorkflowExecutionLogEntry>(list.Skip(skip).Take(take).ToList(), list.Count));
        }
    }

    public Task<IReadOnlyList<ActivityExecutionRecord>> ListActivityRecordsAsync(string instanceId, string? activityNodeId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ActivityExecutionRecord>>(_records.Values
                .Where(r => r.WorkflowInstanceId == instanceId && (activityNodeId is null || r.ActivityNodeId == activityNodeId))
                .OrderBy(r => r.StartedAt).ThenBy(r => r.CallStackDepth).ToList());
    }

    public Task<ActivityExecutionRecord?> GetActivityRecordAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_records.GetValueOrDefault(id));
    }

    public async Task<IReadOnlyList<ActivityExecutionStats>> GetActivityStatsAsync(string instanceId, IReadOnlyCollection<string>? activityNodeIds, CancellationToken cancellationToken = default)
    {
        var records = await ListActivityRecordsAsync(instanceId, null, cancellationToken);
        return ActivityExecutionStats.From(records.Where(r => activityNodeIds is not { Count: > 0 } || activityNodeIds.Contains(r.ActivityNodeId)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private async Task PublishAsync(IReadOnlyList<INotification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0 || scopeFactory is null) return;
        using var scope = scopeFactory.CreateScope();
        var mediator = scope.ServiceProvider.GetService<IMediator>();
        if (mediator is null) return;
        foreach (var notification in notifications) await mediator.Publish(notification, cancellationToken);
    }

    /// <summary>Definitions are copied in and out, as a database would, so callers never share the stored JSON.</summary>
    private static WorkflowDefinitionVersion? Copy(WorkflowDefinitionVersion? version) =>
        version is null ? null : version with { Model = (System.Text.Json.Nodes.JsonObject)version.Model.DeepClone() };

    private static bool Contains(string? value, string term) => value?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;

    private static Page<T> ToPage<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        if (page is null && pageSize is null) return new Page<T>(all, all.Count);
        var size = pageSize ?? all.Count;
        return new Page<T>(all.Skip((page ?? 0) * size).Take(size).ToList(), all.Count);
    }
}
