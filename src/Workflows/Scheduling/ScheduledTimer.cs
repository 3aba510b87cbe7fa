using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Scheduling;

/// <summary>What happens when a <see cref="ScheduledTimer"/> comes due.</summary>
public enum ScheduledWorkKind
{
    /// <summary>Resume one bookmark of one instance (Delay, Timer, StartAt, Cron steps; domain deadlines and reminders).</summary>
    ResumeBookmark,
    /// <summary>Resume every bookmark matching (name, stimulus key) — in one instance or, without an instance id, in all
    /// instances with the given correlation id (events, child-completion notices to a parent).</summary>
    Stimulus,
    /// <summary>Start a new instance from a trigger activity of a published definition version (Timer/StartAt/Cron triggers).</summary>
    Trigger,
    /// <summary>Start a queued instance (DispatchWorkflow) with a pre-assigned instance id.</summary>
    Dispatch,
}

/// <summary>
/// One durable due item: the single table every timer and queued resume goes through. A row is removed in the same
/// commit as the work it causes, so it fires exactly once; claim leases let several hosts share the table.
/// </summary>
public sealed record ScheduledTimer
{
    public required string Id { get; init; }
    public required ScheduledWorkKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public string? BookmarkId { get; init; }
    public string? BookmarkName { get; init; }
    public string? StimulusKey { get; init; }
    public string? CorrelationId { get; init; }
    public string? DefinitionId { get; init; }
    public string? DefinitionVersionId { get; init; }
    public string? ActivityId { get; init; }
    /// <summary>Kind-specific data: resume input, dispatch request, trigger details.</summary>
    public JsonObject? Payload { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
}
