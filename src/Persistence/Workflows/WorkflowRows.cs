namespace WorkflowHost.Persistence.Workflows;

// The engine's records stay free of EF: these rows are their stored form. Each keeps the engine's value losslessly in
// one JSON column and copies only what is filtered, joined or ordered on into indexed columns.

/// <summary>A workflow definition version: the Elsa JSON model verbatim plus its indexed columns.</summary>
public sealed class WorkflowDefinitionRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public bool IsSystem { get; set; }
    public bool IsReadonly { get; set; }
    public string? ToolVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string ModelJson { get; set; }
}

/// <summary>A workflow instance: its whole state as <c>WorkflowStateJson</c> plus the columns of every instance query.</summary>
public sealed class WorkflowInstanceRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int Version { get; set; }
    public required string Status { get; set; }
    public required string SubStatus { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public int IncidentCount { get; set; }
    public bool IsSystem { get; set; }
    public string? ParentWorkflowInstanceId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Optimistic concurrency: a commit updates the row only while it still holds the version it read.</summary>
    public long RowVersion { get; set; }
    public required string StateJson { get; set; }
}

/// <summary>A bookmark, found by (name, hash) when a stimulus arrives.</summary>
public sealed class WorkflowBookmarkRow
{
    public required string Id { get; set; }
    public required string WorkflowInstanceId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string ActivityInstanceId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The bookmark as the engine wrote it (payload, metadata, due time…).</summary>
    public required string BookmarkJson { get; set; }
}

/// <summary>The one due-item table: every timer, queued resume, dispatch and trigger (see <c>ScheduledTimer</c>).</summary>
public sealed class WorkflowTimerRow
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public DateTime DueAt { get; set; }
    public string? WorkflowInstanceId { get; set; }
    public string? BookmarkId { get; set; }
    public string? BookmarkName { get; set; }
    public string? StimulusKey { get; set; }
    public string? CorrelationId { get; set; }
    public string? DefinitionId { get; set; }
    public string? DefinitionVersionId { get; set; }
    public string? ActivityId { get; set; }
    public string? PayloadJson { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>One activity execution record (upserted as it moves Running → Completed/Faulted/Canceled).</summary>
public sealed class ActivityExecutionRecordRow
{
    public required string Id { get; set; }
    public required string WorkflowInstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityNodeId { get; set; }
    public required string ActivityType { get; set; }
    public required string Status { get; set; }
    public bool HasBookmarks { get; set; }
    public int CallStackDepth { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The whole record: inputs (activity state), outputs, payload, properties, exception.</summary>
    public required string RecordJson { get; set; }
}

/// <summary>One workflow execution log entry; (instance id, sequence) is unique and orders the journal.</summary>
public sealed class WorkflowJournalEntryRow
{
    public required string Id { get; set; }
    public required string WorkflowInstanceId { get; set; }
    public long Sequence { get; set; }
    public DateTime Timestamp { get; set; }
    public required string EventName { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string NodeId { get; set; }
    /// <summary>The whole entry (message, source, payload…).</summary>
    public required string EntryJson { get; set; }
}
