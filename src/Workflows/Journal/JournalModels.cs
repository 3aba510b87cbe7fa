using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Journal;

/// <summary>Journal event names written by the engine (ELSA-API §4.3).</summary>
public static class JournalEvents
{
    public const string Started = "Started";
    public const string Resumed = "Resumed";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";
    public const string Canceled = "Canceled";
    public const string WorkflowCancelled = "Workflow cancelled";
}

/// <summary>
/// One workflow execution log record (Elsa's JournalRecord): per-instance, append-only, ordered by <see cref="Sequence"/>.
/// The auditor's raw material: who ran what, when, with which outcome.
/// </summary>
public sealed record WorkflowExecutionLogEntry
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public string? ActivityInstanceId { get; init; }
    public string? ParentActivityInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityTypeVersion { get; init; }
    public string? ActivityName { get; init; }
    public required string NodeId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required long Sequence { get; init; }
    public required string EventName { get; init; }
    public string? Message { get; init; }
    public string? Source { get; init; }
    public JsonNode? Payload { get; init; }
}

/// <summary>
/// One activity execution (ELSA-API §4.4), id = activity instance id; upserted as it moves Running → Completed /
/// Faulted / Canceled. <c>ActivityState</c> holds the evaluated inputs by input name and is never null.
/// </summary>
public sealed record ActivityExecutionRecord
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityTypeVersion { get; init; }
    public string? ActivityName { get; init; }
    public JsonObject ActivityState { get; init; } = new();
    public JsonObject? Payload { get; init; }
    public JsonObject? Outputs { get; init; }
    public JsonObject Properties { get; init; } = new();
    public JsonObject Metadata { get; init; } = new();
    public ExceptionState? Exception { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public bool HasBookmarks { get; init; }
    public ActivityStatus Status { get; init; }
    public int AggregateFaultCount { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? SchedulingActivityExecutionId { get; init; }
    public string? SchedulingActivityId { get; init; }
    public string? SchedulingWorkflowInstanceId { get; init; }
    public int CallStackDepth { get; init; }
}

/// <summary>Per node id aggregate for the designer badges (ELSA-API §4.4 ActivityExecutionStats).</summary>
public sealed record ActivityExecutionStats(string ActivityId, string ActivityNodeId, int StartedCount, int CompletedCount,
    int UncompletedCount, bool IsBlocked, bool IsFaulted, int AggregateFaultCount)
{
    public JsonObject Metadata { get; init; } = new();

    public static IReadOnlyList<ActivityExecutionStats> From(IEnumerable<ActivityExecutionRecord> records) =>
        records.GroupBy(r => r.ActivityNodeId).Select(g => new ActivityExecutionStats(
            g.First().ActivityId, g.Key, g.Count(), g.Count(r => r.Status == ActivityStatus.Completed),
            g.Count(r => r.Status != ActivityStatus.Completed), g.Any(r => r.HasBookmarks),
            g.Any(r => r.Status == ActivityStatus.Faulted), g.Sum(r => r.AggregateFaultCount))).ToList();
}
