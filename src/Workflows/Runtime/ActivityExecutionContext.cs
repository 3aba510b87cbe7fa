using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// What an activity sees and can do while it runs: its evaluated inputs, outputs, outcomes, bookmarks, durable timers,
/// children, child workflows, notifications, variables and DI services. Everything done through it becomes part of
/// the burst's single commit.
/// </summary>
public sealed class ActivityExecutionContext : IExpressionScope
{
    private readonly WorkflowExecution _execution;

    internal ActivityExecutionContext(WorkflowExecution execution, ActivityContextState state, ActivityNode node)
    {
        _execution = execution;
        State = state;
        Node = node;
    }

    /// <summary>The persisted state of this execution (its <c>Properties</c> are the activity's private state).</summary>
    public ActivityContextState State { get; }
    public ActivityNode Node { get; }
    /// <summary>The activity instance id (= activity execution record id).</summary>
    public string Id => State.Id;
    public string ActivityId => Node.Id;
    public string NodeId => Node.NodeId;
    public string WorkflowInstanceId => _execution.Instance.Id;
    public string? CorrelationId { get => _execution.Instance.CorrelationId; set => _execution.Instance.CorrelationId = value; }
    public string? ParentWorkflowInstanceId => _execution.Instance.ParentWorkflowInstanceId;
    public string DefinitionId => _execution.Instance.DefinitionId;
    public string DefinitionVersionId => _execution.Instance.DefinitionVersionId;
    /// <summary>Services of this burst's DI scope (scoped services live for one burst).</summary>
    public IServiceProvider Services => _execution.Services;
    public ILogger Logger => _execution.Logger;
    public DateTimeOffset UtcNow => _execution.TimeProvider.GetUtcNow();
    public CancellationToken CancellationToken => _execution.CancellationToken;
    /// <summary>True when this activity is the trigger that started this run (a Timer/Cron trigger then just completes).</summary>
    public bool IsTriggerOfWorkflow => State.IsTrigger;
    /// <summary>The activity's private, persisted state.</summary>
    public JsonObject Properties => State.Properties;
    public JsonObject WorkflowInput => _execution.Instance.Input;
    public bool IsCompleted { get; private set; }
    public IReadOnlyList<string> Outcomes { get; private set; } = [];
    /// <summary>Outcomes followed while the activity keeps running (<see cref="ScheduleOutcomes"/>).</summary>
    internal List<string> ScheduledOutcomes { get; } = [];
    internal string? JournalMessage { get; private set; }

    // ---- inputs and outputs ------------------------------------------------------------------------------------

    /// <summary>The evaluated value of an input (its descriptor default when the JSON has none).</summary>
    public T? Get<T>(Input<T> input) =>
        State.ActivityState.TryGetPropertyValue(input.Name, out var value) ? JsonValues.ConvertTo<T>(value)
        : Node.Inputs.TryGetValue(input.Name, out var binding) && !binding.Descriptor.IsWrapped ? JsonValues.ConvertTo<T>(binding.Raw)
        : default;

    /// <summary>The input's JSON as written in the definition (for non-wrapped inputs such as FlowSwitch cases).</summary>
    public JsonNode? GetRaw(ActivityInput input) => Node.Inputs.TryGetValue(input.Name, out var binding) ? binding.Raw : null;

    /// <summary>Evaluates an expression in this context (e.g. a FlowSwitch case condition).</summary>
    public T? Evaluate<T>(Expression expression) => (T?)_execution.Evaluator.Evaluate(expression, typeof(T), this);

    /// <summary>Evaluates an input of another activity of this workflow in this context (the flowchart reads a join's mode).</summary>
    public T? EvaluateInputOf<T>(ActivityNode node, string inputName) => (T?)_execution.EvaluateInput(node, inputName, typeof(T), this);

    /// <summary>Sets an output; bound outputs (memoryReference = variable id) also set that variable.</summary>
    public void Set<T>(Output<T> output, T? value) => _execution.SetOutput(this, output.Name, JsonValues.ToJson(value));

    /// <summary>Sets a workflow output (the instance's <c>output</c>, handed to a waiting parent when it finishes).</summary>
    public void SetWorkflowOutput(string name, JsonNode? value) => _execution.Instance.Output[name] = value?.DeepClone();

    /// <summary>Adds data to this execution's record payload and journal (e.g. <c>"Executed At"</c>).</summary>
    public void AddPayload(string key, JsonNode? value) => State.Payload[key] = value;

    /// <summary>A message for this activity's Completed journal entry (WriteLine writes its text here), or for its
    /// Suspended entry when it keeps running.</summary>
    public void SetJournalMessage(string? message) => JournalMessage = message;

    // ---- completion --------------------------------------------------------------------------------------------

    /// <summary>Completes the activity with outcomes (default <c>Done</c>); a flowchart follows the matching connections.</summary>
    public void Complete(params string[] outcomes)
    {
        IsCompleted = true;
        Outcomes = outcomes.Length == 0 ? ["Done"] : outcomes;
    }

    /// <summary>
    /// Follows this activity's outbound connections for <paramref name="outcomes"/> while it keeps running: a repeating
    /// activity (every occurrence of a recurrence) or one that signals a passing date before it completes. Only a
    /// flowchart parent follows them; connections of the other ports stay undecided until the activity completes.
    /// </summary>
    public void ScheduleOutcomes(params string[] outcomes) => ScheduledOutcomes.AddRange(outcomes);

    /// <summary>Completes without any outcome (a terminal node: nothing downstream is followed).</summary>
    public void CompleteWithoutOutcome()
    {
        IsCompleted = true;
        Outcomes = [];
    }

    /// <summary>Completes the nearest enclosing flowchart (Elsa.End) — its other running children are cancelled.</summary>
    public void CompleteParentFlowchart() => _execution.RequestFlowchartCompletion(State);

    /// <summary>Ends the whole workflow as Finished (Elsa.Finish); everything still running is cancelled.</summary>
    public void FinishWorkflow() => _execution.RequestWorkflowFinish();

    /// <summary>
    /// Elsa.Break: completes this activity and then ends the nearest enclosing loop (its body is cancelled, the loop
    /// completes). Throws (an incident) when no loop encloses this activity.
    /// </summary>
    public void BreakLoop()
    {
        _ = _execution.FindEnclosingLoop(State)
            ?? throw new InvalidOperationException($"Break '{ActivityId}' is not inside a loop (ForEach, While).");
        BreakRequested = true;
        CompleteWithoutOutcome();
    }

    internal bool BreakRequested { get; private set; }

    // ---- bookmarks, timers, notifications ----------------------------------------------------------------------

    /// <summary>
    /// Suspends on a bookmark resumed by <paramref name="bookmarkName"/> + <paramref name="stimulusKey"/> (the hash
    /// is computed from those two only). The activity's <c>ResumeAsync</c> runs when it is resumed.
    /// </summary>
    public Bookmark CreateBookmark(string bookmarkName, string stimulusKey, JsonNode? payload = null, Dictionary<string, string>? metadata = null) =>
        _execution.CreateBookmark(State, Node, bookmarkName, BookmarkHash.Compute(bookmarkName, stimulusKey), payload, metadata);

    /// <summary>
    /// Suspends until <paramref name="dueAtUtc"/>: a bookmark plus a durable timer row with the same id. The
    /// scheduler resumes it exactly once; cancelling the activity removes both.
    /// </summary>
    public Bookmark CreateTimer(string bookmarkName, DateTimeOffset dueAtUtc, JsonNode? payload = null)
    {
        var bookmarkId = Ids.New();
        var bookmark = _execution.CreateBookmark(State, Node, bookmarkName, BookmarkHash.Compute(bookmarkName, bookmarkId), payload, null,
            bookmarkId, dueAtUtc.ToUniversalTime());
        _execution.AddTimer(WorkflowExecution.TimerFor(bookmark));
        return bookmark;
    }

    /// <summary>Publishes a notification inside this burst's commit transaction.</summary>
    public void Publish(INotification notification) => _execution.Notifications.Add(notification);

    /// <summary>
    /// Durably resumes bookmarks (name + stimulus key) after this burst commits: of one instance, or of every instance
    /// (optionally only those with <paramref name="correlationId"/>). Used by PublishEvent.
    /// </summary>
    public void SendStimulus(string bookmarkName, string stimulusKey, JsonObject? input = null, string? correlationId = null, string? instanceId = null) =>
        _execution.AddTimer(new ScheduledTimer
        {
            Id = Ids.New(), Kind = ScheduledWorkKind.Stimulus, DueAt = UtcNow, WorkflowInstanceId = instanceId,
            BookmarkName = bookmarkName, StimulusKey = stimulusKey, CorrelationId = correlationId, Payload = input ?? new JsonObject(),
        });

    // ---- children ----------------------------------------------------------------------------------------------

    /// <summary>The compiled children in an embedded port.</summary>
    public IReadOnlyList<ActivityNode> GetChildren(EmbeddedPort port) =>
        Node.Ports.GetValueOrDefault(Serialization.ActivityJson.Camel(port.Name)) ?? [];

    /// <summary>Schedules a child activity of this container; <paramref name="localVariables"/> are visible to it and its descendants.</summary>
    public string ScheduleChild(ActivityNode child, JsonObject? localVariables = null, string? tag = null) =>
        _execution.Schedule(child, State, localVariables, tag, schedulingContextId: State.Id).Id;

    /// <summary>Schedules the start activity of a flowchart; it runs as the trigger of this run when it is the instance's trigger.</summary>
    internal string ScheduleStart(ActivityNode child) =>
        _execution.Schedule(child, State, null, null, State.Id, isTrigger: child.Id == _execution.TriggerActivityId).Id;

    internal string? TriggerActivityId => _execution.TriggerActivityId;

    /// <summary>Children of this context that have not completed yet.</summary>
    public IReadOnlyList<ActivityContextState> ActiveChildren => _execution.ChildrenOf(State.Id);

    /// <summary>Cancels a running child (and its descendants, bookmarks and timers).</summary>
    public void CancelChild(string contextId)
    {
        if (_execution.Instance.FindContext(contextId) is { } child) _execution.Cancel(child);
    }

    /// <summary>
    /// Runs another workflow's first burst in-process right away (ExecuteWorkflow). The child's commit is written in
    /// this burst's transaction: the child exists exactly when this burst commits.
    /// </summary>
    public Task<WorkflowRunResult> RunChildWorkflowAsync(StartWorkflowRequest request) =>
        _execution.Runtime.StartChildAsync(request with
        {
            ParentWorkflowInstanceId = WorkflowInstanceId,
            SchedulingActivityExecutionId = Id,
            CallStackDepth = State.CallStackDepth + 1,
        }, _execution, CancellationToken);

    /// <summary>Suspends until the child instance finishes; <c>ResumeAsync</c> then gets the child's
    /// <c>{workflowInstanceId, status, subStatus, output, correlationId}</c> as input.</summary>
    public Bookmark WaitForChildWorkflow(string childInstanceId) =>
        CreateBookmark(BookmarkNames.ChildWorkflowCompleted, childInstanceId, new JsonObject { ["childInstanceId"] = childInstanceId });

    /// <summary>Queues a workflow start (DispatchWorkflow) that happens after this burst commits; returns the new instance id.</summary>
    public string DispatchWorkflow(StartWorkflowRequest request)
    {
        var instanceId = request.InstanceId ?? Ids.New();
        _execution.AddTimer(WorkflowDispatcher.QueuedStart(request with
        {
            ParentWorkflowInstanceId = WorkflowInstanceId,
            SchedulingActivityExecutionId = Id,
            CallStackDepth = State.CallStackDepth + 1,
        }, instanceId, UtcNow));
        return instanceId;
    }

    // ---- variables (IExpressionScope) --------------------------------------------------------------------------

    public JsonNode? GetVariable(string nameOrId) => _execution.GetVariable(State, nameOrId);
    public void SetVariable(string nameOrId, JsonNode? value) => _execution.SetVariable(State, nameOrId, value);
    public IReadOnlyDictionary<string, JsonNode?> GetVisibleVariables() => _execution.GetVisibleVariables(State);
    public JsonNode? GetOutput(string activityIdOrName, string? outputName) => _execution.GetOutput(activityIdOrName, outputName);
    public JsonNode? LastResult => _execution.Instance.Properties["lastResult"];
}
