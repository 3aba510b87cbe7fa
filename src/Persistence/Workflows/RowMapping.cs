using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>Engine records ⇄ rows. JSON columns use the engine's wire conventions, with Vietnamese text unescaped.</summary>
internal static class RowMapping
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonValues.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, StoredJson);
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, StoredJson)
        ?? throw new JsonException($"Empty stored {typeof(T).Name}.");

    public static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;
    public static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;
    public static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    public static DateTimeOffset? Offset(DateTime? utc) => utc is { } value ? Offset(value) : null;

    public static WorkflowDefinitionRow ToRow(WorkflowDefinitionVersion version) => new()
    {
        Id = version.Id,
        DefinitionId = version.DefinitionId,
        Name = version.Name,
        Description = version.Description,
        Version = version.Version,
        IsLatest = version.IsLatest,
        IsPublished = version.IsPublished,
        IsSystem = version.IsSystem,
        IsReadonly = version.IsReadonly,
        ToolVersion = version.ToolVersion,
        CreatedAt = Utc(version.CreatedAt),
        ModelJson = version.Model.ToJsonString(StoredJson),
    };

    public static WorkflowDefinitionVersion ToVersion(WorkflowDefinitionRow row) => new()
    {
        Id = row.Id,
        DefinitionId = row.DefinitionId,
        Name = row.Name,
        Description = row.Description,
        Version = row.Version,
        IsLatest = row.IsLatest,
        IsPublished = row.IsPublished,
        IsSystem = row.IsSystem,
        IsReadonly = row.IsReadonly,
        ToolVersion = row.ToolVersion,
        CreatedAt = Offset(row.CreatedAt),
        Model = JsonNode.Parse(row.ModelJson)!.AsObject(),
    };

    public static WorkflowInstanceRow ToRow(WorkflowInstance instance) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersionId = instance.DefinitionVersionId,
        Version = instance.Version,
        Status = instance.Status.ToString(),
        SubStatus = instance.SubStatus.ToString(),
        CorrelationId = instance.CorrelationId,
        Name = instance.Name,
        IncidentCount = instance.IncidentCount,
        IsSystem = instance.IsSystem,
        ParentWorkflowInstanceId = instance.ParentWorkflowInstanceId,
        CreatedAt = Utc(instance.CreatedAt),
        UpdatedAt = Utc(instance.UpdatedAt),
        FinishedAt = Utc(instance.FinishedAt),
        RowVersion = instance.RowVersion,
        StateJson = WorkflowStateJson.Serialize(instance),
    };

    public static WorkflowInstanceSummary ToSummary(WorkflowInstanceRow row) => new(row.Id, row.DefinitionId,
        row.DefinitionVersionId, row.Version, Enum.Parse<WorkflowStatus>(row.Status), Enum.Parse<WorkflowSubStatus>(row.SubStatus),
        row.CorrelationId, row.Name, row.IncidentCount, Offset(row.CreatedAt), Offset(row.UpdatedAt), Offset(row.FinishedAt),
        row.ParentWorkflowInstanceId);

    public static WorkflowBookmarkRow ToRow(Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        WorkflowInstanceId = bookmark.WorkflowInstanceId,
        Name = bookmark.Name,
        Hash = bookmark.Hash,
        ActivityInstanceId = bookmark.ActivityInstanceId,
        CreatedAt = Utc(bookmark.CreatedAt),
        BookmarkJson = Serialize(bookmark),
    };

    public static WorkflowTimerRow ToRow(ScheduledTimer timer) => new()
    {
        Id = timer.Id,
        Kind = timer.Kind.ToString(),
        DueAt = Utc(timer.DueAt),
        WorkflowInstanceId = timer.WorkflowInstanceId,
        BookmarkId = timer.BookmarkId,
        BookmarkName = timer.BookmarkName,
        StimulusKey = timer.StimulusKey,
        CorrelationId = timer.CorrelationId,
        DefinitionId = timer.DefinitionId,
        DefinitionVersionId = timer.DefinitionVersionId,
        ActivityId = timer.ActivityId,
        PayloadJson = timer.Payload?.ToJsonString(StoredJson),
        LeaseOwner = timer.LeaseOwner,
        LeaseUntil = Utc(timer.LeaseUntil),
    };

    public static ScheduledTimer ToTimer(WorkflowTimerRow row) => new()
    {
        Id = row.Id,
        Kind = Enum.Parse<ScheduledWorkKind>(row.Kind),
        DueAt = Offset(row.DueAt),
        WorkflowInstanceId = row.WorkflowInstanceId,
        BookmarkId = row.BookmarkId,
        BookmarkName = row.BookmarkName,
        StimulusKey = row.StimulusKey,
        CorrelationId = row.CorrelationId,
        DefinitionId = row.DefinitionId,
        DefinitionVersionId = row.DefinitionVersionId,
        ActivityId = row.ActivityId,
        Payload = row.PayloadJson is null ? null : JsonNode.Parse(row.PayloadJson)!.AsObject(),
        LeaseOwner = row.LeaseOwner,
        LeaseUntil = Offset(row.LeaseUntil),
    };

    public static ActivityExecutionRecordRow ToRow(ActivityExecutionRecord record) => new()
    {
        Id = record.Id,
        WorkflowInstanceId = record.WorkflowInstanceId,
        ActivityId = record.ActivityId,
        ActivityNodeId = record.ActivityNodeId,
        ActivityType = record.ActivityType,
        Status = record.Status.ToString(),
        HasBookmarks = record.HasBookmarks,
        CallStackDepth = record.CallStackDepth,
        StartedAt = Utc(record.StartedAt),
        CompletedAt = Utc(record.CompletedAt),
        RecordJson = Serialize(record),
    };

    public static WorkflowJournalEntryRow ToRow(WorkflowExecutionLogEntry entry) => new()
    {
        Id = entry.Id,
        WorkflowInstanceId = entry.WorkflowInstanceId,
        Sequence = entry.Sequence,
        Timestamp = Utc(entry.Timestamp),
        EventName = entry.EventName,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        NodeId = entry.NodeId,
        EntryJson = Serialize(entry),
    };
}
