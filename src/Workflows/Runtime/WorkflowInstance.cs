using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Runtime;

public enum WorkflowStatus { Running, Finished }

public enum WorkflowSubStatus { Pending, Executing, Suspended, Finished, Cancelled, Faulted, Interrupted }

public enum ActivityStatus { Pending, Running, Completed, Canceled, Faulted }

/// <summary>
/// The persisted state of one workflow instance (ELSA-API §4.3/§7.1). Everything the runtime needs to continue an
/// instance lives here (plus the bookmark/timer rows the commit writes), so a new process resumes from the store alone.
/// It is serialised as JSON by the stores (<see cref="WorkflowStateJson"/>).
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentWorkflowInstanceId { get; init; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;
    public bool IsSystem { get; init; }
    public JsonObject Input { get; init; } = new();
    public JsonObject Output { get; set; } = new();
    public JsonObject Properties { get; init; } = new();
    /// <summary>Values of declared variables by variable id (JSON).</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Activity execution contexts that have not completed (containers waiting, blocked activities, faulted ones awaiting retry).</summary>
    public List<ActivityContextState> ActivityContexts { get; init; } = [];
    public List<Bookmark> Bookmarks { get; init; } = [];
    public List<ActivityIncident> Incidents { get; init; } = [];
    public WorkflowFault? Fault { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Optimistic concurrency token: incremented by every commit; a commit expecting an older value is rejected.</summary>
    public long RowVersion { get; set; }
    /// <summary>The last journal sequence number written for this instance.</summary>
    public long JournalSequence { get; set; }

    public int IncidentCount => Incidents.Count;

    public ActivityContextState? FindContext(string id) => ActivityContexts.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// One live activity execution (Elsa's ActivityExecutionContext). <see cref="Properties"/> is the activity's private
/// state (a flowchart's connection marks, a ForEach index); <see cref="LocalVariables"/> are scoped variables such as
/// ParallelForEach's <c>CurrentValue</c>/<c>CurrentIndex</c>.
/// </summary>
public sealed class ActivityContextState
{
    public required string Id { get; init; }
    public string? ParentContextId { get; init; }
    public required string NodeId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityVersion { get; init; } = 1;
    public string? ActivityName { get; init; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Pending;
    public JsonObject Properties { get; init; } = new();
    public JsonObject ActivityState { get; set; } = new();
    public JsonObject Outputs { get; init; } = new();
    public JsonObject LocalVariables { get; init; } = new();
    /// <summary>Extra journal data (e.g. <c>Outcomes</c>, <c>Executed At</c>) written to the activity record's payload.</summary>
    public JsonObject Payload { get; init; } = new();
    public string? SchedulingContextId { get; init; }
    public int CallStackDepth { get; init; }
    public DateTimeOffset StartedAt { get; set; }
    public bool IsTrigger { get; init; }
    public string? Tag { get; init; }
}

/// <summary>A point where an instance waits for a stimulus (ELSA-API §4.3 Bookmark).</summary>
public sealed record Bookmark
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string Name { get; init; }
    public required string Hash { get; init; }
    public JsonNode? Payload { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityInstanceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool AutoBurn { get; init; } = true;
    public string? CallbackMethodName { get; init; } = "ResumeAsync";
    public Dictionary<string, string>? Metadata { get; init; }
    /// <summary>For timer bookmarks: when the timer row (same id) is due. Lets a retry re-create the row.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

public sealed record ExceptionState(string Type, string Message, string? StackTrace, ExceptionState? InnerException = null)
{
    public Dictionary<string, string>? Metadata { get; init; }

    public static ExceptionState From(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace,
        exception.InnerException is null ? null : From(exception.InnerException));
}

/// <summary>ELSA-API §4.3 ActivityIncident.</summary>
public sealed record ActivityIncident(string ActivityId, string ActivityNodeId, string ActivityType, string Message,
    ExceptionState? Exception, DateTimeOffset Timestamp)
{
    public string? ActivityInstanceId { get; init; }
}

public sealed record WorkflowFault(ExceptionState? Exception, string Message, string? FaultedActivityId);
