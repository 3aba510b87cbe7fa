using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Persistence;

public enum OrderDirection { Ascending, Descending }

public enum DefinitionOrderBy { Name, Version, Created }

public enum InstanceOrderBy { Created, LastExecuted, UpdatedAt, Finished, Name }

public enum TimestampColumn { CreatedAt, UpdatedAt, FinishedAt }

public enum TimestampOperator { Is, IsNot, LessThan, GreaterThan, LessThanOrEqual, GreaterThanOrEqual }

/// <summary>A page of results and the total number of matches. Paging: offset = Page × PageSize; no paging → everything.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long TotalCount);

/// <summary>Definition list filters (ELSA-API §4.2). Default order: Name ascending; other keys descending unless given.</summary>
public sealed record WorkflowDefinitionQuery
{
    public VersionOptions VersionOptions { get; init; } = VersionOptions.AllVersions;
    public IReadOnlyCollection<string>? DefinitionIds { get; init; }
    public IReadOnlyCollection<string>? Ids { get; init; }
    /// <summary>Matches id, definition id, name, description (case-insensitive contains).</summary>
    public string? SearchTerm { get; init; }
    public bool? IsSystem { get; init; }
    public DefinitionOrderBy? OrderBy { get; init; }
    public OrderDirection? OrderDirection { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record TimestampFilter(TimestampColumn Column, TimestampOperator Operator, DateTimeOffset Timestamp);

/// <summary>Instance list filters (ELSA-API §3.3/§4.3). Default order: Created descending.</summary>
public sealed record WorkflowInstanceQuery
{
    public IReadOnlyCollection<string>? Ids { get; init; }
    public IReadOnlyCollection<string>? DefinitionIds { get; init; }
    public IReadOnlyCollection<string>? DefinitionVersionIds { get; init; }
    public int? Version { get; init; }
    public IReadOnlyCollection<WorkflowStatus>? Statuses { get; init; }
    public IReadOnlyCollection<WorkflowSubStatus>? SubStatuses { get; init; }
    public string? CorrelationId { get; init; }
    public string? Name { get; init; }
    /// <summary>Matches id, name, correlation id, definition id.</summary>
    public string? SearchTerm { get; init; }
    public bool? HasIncidents { get; init; }
    public bool? IsSystem { get; init; }
    public string? ParentWorkflowInstanceId { get; init; }
    public IReadOnlyCollection<TimestampFilter>? TimestampFilters { get; init; }
    public InstanceOrderBy? OrderBy { get; init; }
    public OrderDirection? OrderDirection { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>The list-item view of an instance (ELSA-API §4.3 WorkflowInstanceSummary).</summary>
public sealed record WorkflowInstanceSummary(string Id, string DefinitionId, string DefinitionVersionId, int Version,
    WorkflowStatus Status, WorkflowSubStatus SubStatus, string? CorrelationId, string? Name, int IncidentCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, string? ParentWorkflowInstanceId = null)
{
    public static WorkflowInstanceSummary From(WorkflowInstance i) => new(i.Id, i.DefinitionId, i.DefinitionVersionId,
        i.Version, i.Status, i.SubStatus, i.CorrelationId, i.Name, i.IncidentCount, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.ParentWorkflowInstanceId);
}

/// <summary>Journal filter (ELSA-API §4.3): node ids IN, activity ids IN, activity types NOT IN, event names IN; sequence ascending.</summary>
public sealed record JournalFilter
{
    public IReadOnlyCollection<string>? ActivityIds { get; init; }
    public IReadOnlyCollection<string>? ActivityNodeIds { get; init; }
    public IReadOnlyCollection<string>? ExcludedActivityTypes { get; init; }
    public IReadOnlyCollection<string>? EventNames { get; init; }
}
