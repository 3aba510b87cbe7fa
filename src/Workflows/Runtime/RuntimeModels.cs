using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>A bookmark being resumed, with the input the stimulus carried (e.g. <c>{"RunTaskInput": result}</c>).</summary>
public sealed record BookmarkResumption(Bookmark Bookmark, JsonObject Input);

/// <summary>A child scheduled by a container completed (or, under ContinueWithIncidents, faulted).</summary>
public sealed record ChildCompletion(ActivityNode Node, ActivityContextState State, IReadOnlyList<string> Outcomes, bool Faulted)
{
    /// <summary>The tag given when the child was scheduled (e.g. the ForEach index).</summary>
    public string? Tag => State.Tag;
}

/// <summary>What a trigger sees when the engine computes its next start time (no instance exists yet).</summary>
public sealed class TriggerContext(ActivityNode node, Func<InputBindingRequest, object?> evaluate)
{
    public ActivityNode Node => node;
    public T? Get<T>(Input<T> input) => (T?)evaluate(new InputBindingRequest(input.Name, typeof(T)));

    /// <summary>Inputs evaluated without an instance: literals, defaults, expressions that need no variables.</summary>
    internal static TriggerContext For(ActivityNode node, Expressions.ExpressionEvaluator evaluator) => new(node, request =>
    {
        if (!node.Inputs.TryGetValue(request.InputName, out var binding)) return null;
        return binding.Expression is { } expression
            ? evaluator.Evaluate(expression, request.ValueType, Expressions.EmptyExpressionScope.Instance)
            : JsonValues.ConvertTo(binding.Descriptor.DefaultValue, request.ValueType);
    });
}

public sealed record InputBindingRequest(string InputName, Type ValueType);

/// <summary>Start a workflow instance.</summary>
public sealed record StartWorkflowRequest
{
    /// <summary>Definition id; resolved with <see cref="VersionOptions"/> unless <see cref="DefinitionVersionId"/> is given.</summary>
    public string? DefinitionId { get; init; }
    public VersionOptions VersionOptions { get; init; } = VersionOptions.Published;
    public string? DefinitionVersionId { get; init; }
    public JsonObject? Input { get; init; }
    public string? CorrelationId { get; init; }
    public string? Name { get; init; }
    /// <summary>Start at this trigger activity (§7.2) instead of the flowchart's normal start.</summary>
    public string? TriggerActivityId { get; init; }
    /// <summary>Use this id for the new instance (queued dispatches pre-assign it); default: a new id.</summary>
    public string? InstanceId { get; init; }
    public string? ParentWorkflowInstanceId { get; init; }
    public string? SchedulingActivityExecutionId { get; init; }
    public int CallStackDepth { get; init; }
}

/// <summary>The state of an instance after a burst.</summary>
public sealed record WorkflowRunResult(string InstanceId, string DefinitionVersionId, WorkflowStatus Status, WorkflowSubStatus SubStatus, JsonObject Output,
    IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<ActivityIncident> Incidents, WorkflowFault? Fault)
{
    public static WorkflowRunResult From(WorkflowInstance i) =>
        new(i.Id, i.DefinitionVersionId, i.Status, i.SubStatus, i.Output, i.Bookmarks.ToList(), i.Incidents.ToList(), i.Fault);
}

/// <summary>Resumed: a bookmark was resumed; Started: a stimulus trigger started a new instance; NotFound: nothing matched.</summary>
public enum ResumeOutcome { Resumed, NotFound, Started }

/// <summary>Result of resuming a bookmark: Resumed (with the run) or NotFound (unknown or already consumed bookmark/task).</summary>
public sealed record ResumeResult(ResumeOutcome Outcome, WorkflowRunResult? Run = null, string? Message = null)
{
    public static ResumeResult NotFound(string message) => new(ResumeOutcome.NotFound, null, message);
}

/// <summary>No definition version matches the start request.</summary>
public sealed class WorkflowDefinitionNotFoundException(string message) : Exception(message);

/// <summary>Runtime limits.</summary>
public sealed record WorkflowRuntimeOptions
{
    /// <summary>
    /// Most activity executions one burst may run before the instance faults: a flowchart loop of activities that
    /// never wait would otherwise keep the host busy forever.
    /// </summary>
    public int MaxActivityExecutionsPerBurst { get; init; } = 100_000;
}
