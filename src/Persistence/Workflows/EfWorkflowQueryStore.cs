using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>Read side for the REST API and the instance viewer; filters and ordering of <see cref="InMemoryWorkflowStore"/>.</summary>
public sealed class EfWorkflowQueryStore(WorkflowHostDbContext db) : IWorkflowQueryStore
{
    public async Task<Page<WorkflowInstanceSummary>> QueryInstancesAsync(WorkflowInstanceQuery query, CancellationToken cancellationToken = default)
    {
        var items = db.Set<WorkflowInstanceRow>().AsNoTracking();
        if (query.ParentWorkflowInstanceId is { } parentId) items = items.Where(i => i.ParentWorkflowInstanceId == parentId);
        if (query.Ids is { Count: > 0 } ids) items = items.Where(i => ids.Contains(i.Id));
        if (query.DefinitionIds is { Count: > 0 } definitionIds) items = items.Where(i => definitionIds.Contains(i.DefinitionId));
        if (query.DefinitionVersionIds is { Count: > 0 } versionIds) items = items.Where(i => versionIds.Contains(i.DefinitionVersionId));
        if (query.Version is { } version) items = items.Where(i => i.Version == version);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = statuses.Select(s => s.ToString()).ToList();
            items = items.Where(i => names.Contains(i.Status));
        }
        if (query.SubStatuses is { Count: > 0 } subStatuses)
        {
            var names = subStatuses.Select(s => s.ToString()).ToList();
            items = items.Where(i => names.Contains(i.SubStatus));
        }
        if (!string.IsNullOrEmpty(query.CorrelationId)) items = items.Where(i => i.CorrelationId == query.CorrelationId);
        if (!string.IsNullOrEmpty(query.Name)) items = items.Where(i => i.Name == query.Name);
        if (query.HasIncidents is { } hasIncidents) items = items.Where(i => (i.IncidentCount > 0) == hasIncidents);
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim().ToLower();
            items = items.Where(i => i.Id.ToLower().Contains(term) || (i.Name != null && i.Name.ToLower().Contains(term))
                || (i.CorrelationId != null && i.CorrelationId.ToLower().Contains(term)) || i.DefinitionId.ToLower().Contains(term));
        }
        foreach (var filter in query.TimestampFilters ?? []) items = items.Where(Matches(filter));

        var orderBy = query.OrderBy ?? InstanceOrderBy.Created;
        var ascending = (query.OrderDirection ?? (orderBy == InstanceOrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending)) == OrderDirection.Ascending;
        items = orderBy switch
        {
            InstanceOrderBy.LastExecuted or InstanceOrderBy.UpdatedAt => ascending ? items.OrderBy(i => i.UpdatedAt) : items.OrderByDescending(i => i.UpdatedAt),
            InstanceOrderBy.Finished => ascending ? items.OrderBy(i => i.FinishedAt) : items.OrderByDescending(i => i.FinishedAt),
            InstanceOrderBy.Name => ascending ? items.OrderBy(i => i.Name ?? "") : items.OrderByDescending(i => i.Name ?? ""),
            _ => ascending ? items.OrderBy(i => i.CreatedAt) : items.OrderByDescending(i => i.CreatedAt),
        };
        var page = await Paging.ToPageAsync(items, query.Page, query.PageSize, cancellationToken);
        return new Page<WorkflowInstanceSummary>(page.Items.Select(RowMapping.ToSummary).ToList(), page.TotalCount);
    }

    /// <summary>column OP timestamp; an empty column (an unfinished instance's FinishedAt) matches no operator.</summary>
    private static Expression<Func<WorkflowInstanceRow, bool>> Matches(TimestampFilter filter)
    {
        var row = Expression.Parameter(typeof(WorkflowInstanceRow), "i");
        Expression column = Expression.Convert(Expression.Property(row, filter.Column switch
        {
            TimestampColumn.UpdatedAt => nameof(WorkflowInstanceRow.UpdatedAt),
            TimestampColumn.FinishedAt => nameof(WorkflowInstanceRow.FinishedAt),
            _ => nameof(WorkflowInstanceRow.CreatedAt),
        }), typeof(DateTime?));
        // Through a closure member, so EF sends a parameter (with the column's UTC conversion) rather than a literal.
        var holder = new { Value = (DateTime?)filter.Timestamp.UtcDateTime };
        Expression value = Expression.Property(Expression.Constant(holder), nameof(holder.Value));
        Expression comparison = filter.Operator switch
        {
            TimestampOperator.Is => Expression.Equal(column, value),
            TimestampOperator.IsNot => Expression.NotEqual(column, value),
            TimestampOperator.LessThan => Expression.LessThan(column, value),
            TimestampOperator.GreaterThan => Expression.GreaterThan(column, value),
            TimestampOperator.LessThanOrEqual => Expression.LessThanOrEqual(column, value),
            _ => Expression.GreaterThanOrEqual(column, value),
        };
        var present = Expression.NotEqual(column, Expression.Constant(null, typeof(DateTime?)));
        return Expression.Lambda<Func<WorkflowInstanceRow, bool>>(Expression.AndAlso(present, comparison), row);
    }

    public async Task<Page<WorkflowExecutionLogEntry>> QueryJournalAsync(string instanceId, JournalFilter? filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var items = db.Set<WorkflowJournalEntryRow>().AsNoTracking().Where(e => e.WorkflowInstanceId == instanceId);
        if (filter?.ActivityIds is { Count: > 0 } activityIds) items = items.Where(e => activityIds.Contains(e.ActivityId));
        if (filter?.ActivityNodeIds is { Count: > 0 } nodeIds) items = items.Where(e => nodeIds.Contains(e.NodeId));
        if (filter?.ExcludedActivityTypes is { Count: > 0 } excluded) items = items.Where(e => !excluded.Contains(e.ActivityType));
        if (filter?.EventNames is { Count: > 0 } eventNames) items = items.Where(e => eventNames.Contains(e.EventName));
        var total = await items.CountAsync(cancellationToken);
        var rows = await items.OrderBy(e => e.Sequence).Skip(skip).Take(take).Select(e => e.EntryJson).ToListAsync(cancellationToken);
        return new Page<WorkflowExecutionLogEntry>(rows.Select(RowMapping.Deserialize<WorkflowExecutionLogEntry>).ToList(), total);
    }

    public async Task<IReadOnlyList<ActivityExecutionRecord>> ListActivityRecordsAsync(string instanceId, string? activityNodeId = null, CancellationToken cancellationToken = default)
    {
        var items = db.Set<ActivityExecutionRecordRow>().AsNoTracking().Where(r => r.WorkflowInstanceId == instanceId);
        if (activityNodeId is not null) items = items.Where(r => r.ActivityNodeId == activityNodeId);
        var rows = await items.OrderBy(r => r.StartedAt).ThenBy(r => r.CallStackDepth).Select(r => r.RecordJson).ToListAsync(cancellationToken);
        return rows.Select(RowMapping.Deserialize<ActivityExecutionRecord>).ToList();
    }

    public async Task<ActivityExecutionRecord?> GetActivityRecordAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<ActivityExecutionRecordRow>().AsNoTracking().Where(r => r.Id == id).Select(r => r.RecordJson)
            .FirstOrDefaultAsync(cancellationToken) is { } json ? RowMapping.Deserialize<ActivityExecutionRecord>(json) : null;

    public async Task<IReadOnlyList<ActivityExecutionStats>> GetActivityStatsAsync(string instanceId, IReadOnlyCollection<string>? activityNodeIds, CancellationToken cancellationToken = default)
    {
        var records = await ListActivityRecordsAsync(instanceId, null, cancellationToken);
        return ActivityExecutionStats.From(records.Where(r => activityNodeIds is not { Count: > 0 } || activityNodeIds.Contains(r.ActivityNodeId)));
    }
}
