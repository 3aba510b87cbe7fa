using System.Globalization;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// One burst of one instance: a single-threaded loop over a work queue of activity executions and resumptions, which
/// collects every change into one <see cref="WorkflowCommit"/>. Created under the instance lock; never shared.
/// </summary>
internal sealed class WorkflowExecution
{
    private enum WorkKind { Execute, Resume }

    private sealed record WorkItem(string ContextId, WorkKind Kind, BookmarkResumption? Resumption = null);

    private readonly Queue<WorkItem> _queue = new();
    private readonly long? _expectedRowVersion;
    private readonly List<Bookmark> _bookmarksAdded = [];
    private readonly List<string> _bookmarksRemoved = [];
    private readonly List<ScheduledTimer> _timersAdded = [];
    private readonly List<string> _timersRemoved = [];
    private readonly Dictionary<string, ActivityExecutionRecord> _records = new();
    private readonly List<WorkflowExecutionLogEntry> _journal = [];
    private readonly List<WorkflowCommit> _childCommits = [];
    private bool _finishRequested;

    public WorkflowExecution(WorkflowRuntime runtime, IServiceProvider services, WorkflowInstance instance, CompiledWorkflow workflow, bool isNew, CancellationToken cancellationToken)
    {
        Runtime = runtime;
        Services = services;
        Instance = instance;
        Workflow = workflow;
        CancellationToken = cancellationToken;
        _expectedRowVersion = isNew ? null : instance.RowVersion;
    }

    public WorkflowRuntime Runtime { get; }
    public IServiceProvider Services { get; }
    public WorkflowInstance Instance { get; }
    public CompiledWorkflow Workflow { get; }
    public CancellationToken CancellationToken { get; }
    public ExpressionEvaluator Evaluator => Runtime.Evaluator;
    public TimeProvider TimeProvider => Runtime.TimeProvider;
    public ILogger Logger => Runtime.Logger;
    public List<INotification> Notifications { get; } = [];
    private DateTimeOffset Now => TimeProvider.GetUtcNow();
    private bool IsFinished => Instance.Status == WorkflowStatus.Finished;

    // ---- scheduling --------------------------------------------------------------------------------------------

    /// <summary>The trigger activity that started this instance (§7.2), if any.</summary>
    public string? TriggerActivityId => Instance.Properties["triggerActivityId"]?.GetValue<string>();

    public ActivityContextState Schedule(ActivityNode node, ActivityContextState? parent, JsonObject? localVariables, string? tag,
        string? schedulingContextId, bool isTrigger = false, int rootCallStackDepth = 0)
    {
        var state = new ActivityContextState
        {
            Id = Ids.New(),
            ParentContextId = parent?.Id,
            NodeId = node.NodeId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ActivityVersion = node.Version,
            ActivityName = node.Name,
            LocalVariables = localVariables ?? new JsonObject(),
            SchedulingContextId = schedulingContextId,
            CallStackDepth = parent is null ? rootCallStackDepth : parent.CallStackDepth + 1,
            StartedAt = Now,
            IsTrigger = isTrigger,
            Tag = tag,
        };
        Instance.ActivityContexts.Add(state);
        _queue.Enqueue(new WorkItem(state.Id, WorkKind.Execute));
        return state;
    }

    public void EnqueueResume(Bookmark bookmark, JsonObject input) =>
        _queue.Enqueue(new WorkItem(bookmark.ActivityInstanceId, WorkKind.Resume, new BookmarkResumption(bookmark, input)));

    public void EnqueueRetry(ActivityContextState faulted) => _queue.Enqueue(new WorkItem(faulted.Id, WorkKind.Execute));

    public IReadOnlyList<ActivityContextState> ChildrenOf(string contextId) =>
        Instance.ActivityContexts.Where(c => c.ParentContextId == contextId).ToList();

    // ---- the loop ----------------------------------------------------------------------------------------------

    public async Task RunAsync()
    {
        if (!IsFinished) Instance.SubStatus = WorkflowSubStatus.Executing;
        var executions = 0;
        while (!IsFinished && _queue.TryDequeue(out var item))
        {
            var state = Instance.FindContext(item.ContextId);
            if (state is null || state.Status is ActivityStatus.Completed or ActivityStatus.Canceled) continue;
            if (++executions > Runtime.Options.MaxActivityExecutionsPerBurst)
            {
                var looping = Workflow.NodesByNodeId.GetValueOrDefault(state.NodeId);
                Fault(state, looping, new InvalidOperationException(
                    $"More than {Runtime.Options.MaxActivityExecutionsPerBurst} activity executions without waiting (endless loop?)."));
                break;
            }
            if (!Workflow.NodesByNodeId.TryGetValue(state.NodeId, out var node))
            {
                Fault(state, null, new InvalidOperationException($"Activity node '{state.NodeId}' does not exist in definition version {Workflow.VersionId}."));
                continue;
            }
            var context = new ActivityExecutionContext(this, state, node);
            try
            {
                var registration = node.Registration
                    ?? throw new InvalidOperationException(Activities.Primitives.NotFoundActivity.Missing(node.Id, node.Type, node.Version));
                if (item.Kind == WorkKind.Execute)
                {
                    state.Status = ActivityStatus.Running;
                    state.StartedAt = Now;
                    state.ActivityState = EvaluateInputs(node, context);
                    AddJournal(state, JournalEvents.Started);
                    await registration.Activity.ExecuteAsync(context);
                }
                else
                {
                    AddJournal(state, JournalEvents.Resumed);
                    await registration.Activity.ResumeAsync(context, item.Resumption!);
                }
                await AfterActivityAsync(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
            {
                await FaultAsync(state, node, exception);
            }
        }
        if (!IsFinished)
            Instance.SubStatus = Instance.Bookmarks.Count > 0 || Instance.ActivityContexts.Count > 0 ? WorkflowSubStatus.Suspended : WorkflowSubStatus.Finished;
    }

    private async Task AfterActivityAsync(ActivityExecutionContext context)
    {
        if (context.IsCompleted)
        {
            await CompleteAsync(context);
            return;
        }
        var hasBookmarks = Instance.Bookmarks.Any(b => b.ActivityInstanceId == context.Id);
        // A running activity that followed some of its ports says so in its Suspended entry (message and outcomes).
        if (hasBookmarks)
            AddJournal(context.State, JournalEvents.Suspended, context.JournalMessage, context.ScheduledOutcomes.Count == 0 ? null
                : new JsonObject { ["Outcomes"] = new JsonArray(context.ScheduledOutcomes.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()) });
        UpsertRecord(context.State);
        if (context.ScheduledOutcomes.Count > 0) await FollowScheduledOutcomesAsync(context);
    }

    /// <summary>A running activity's <see cref="ActivityExecutionContext.ScheduleOutcomes"/>: its flowchart follows those
    /// ports as if it had completed with them, while the activity stays running.</summary>
    private async Task FollowScheduledOutcomesAsync(ActivityExecutionContext context)
    {
        var parent = Instance.FindContext(context.State.ParentContextId ?? "");
        if (parent is null || parent.ActivityType != "Elsa.Flowchart" || !Workflow.NodesByNodeId.TryGetValue(parent.NodeId, out var parentNode)
            || parentNode.Registration is null)
            throw new InvalidOperationException($"Activity '{context.ActivityId}' schedules outcomes while running; that needs a flowchart around it.");
        var parentContext = new ActivityExecutionContext(this, parent, parentNode);
        await parentNode.Registration.Activity.OnChildCompletedAsync(parentContext,
            new ChildCompletion(context.Node, context.State, [.. context.ScheduledOutcomes], Faulted: false));
        await AfterActivityAsync(parentContext);
    }

    private async Task CompleteAsync(ActivityExecutionContext context)
    {
        var state = context.State;
        state.Status = ActivityStatus.Completed;
        state.Payload["Outcomes"] = new JsonArray(context.Outcomes.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray());
        foreach (var child in ChildrenOf(state.Id)) Cancel(child);
        RemoveBookmarksOf(state.Id);
        AddJournal(state, JournalEvents.Completed, context.JournalMessage, new JsonObject { ["Outcomes"] = state.Payload["Outcomes"]!.DeepClone() });
        UpsertRecord(state, completedAt: Now);
        Instance.ActivityContexts.Remove(state);
        if (_finishRequested)
        {
            FinishWorkflow(WorkflowSubStatus.Finished);
            return;
        }
        if (context.BreakRequested && FindEnclosingLoop(state) is { } loop)
        {
            await EndLoopAsync(loop);
            return;
        }
        await NotifyParentAsync(state, context.Node, context.Outcomes, faulted: false);
    }

    /// <summary>The nearest ancestor context whose activity is a loop (<see cref="Activities.Looping.ILoopActivity"/>).</summary>
    public (ActivityContextState State, ActivityNode Node)? FindEnclosingLoop(ActivityContextState from)
    {
        for (var ancestor = Instance.FindContext(from.ParentContextId ?? ""); ancestor is not null; ancestor = Instance.FindContext(ancestor.ParentContextId ?? ""))
            if (Workflow.NodesByNodeId.TryGetValue(ancestor.NodeId, out var node) && node.Registration?.Activity is Activities.Looping.ILoopActivity)
                return (ancestor, node);
        return null;
    }

    /// <summary>Break: the loop's body and everything still running or waiting in it is cancelled; the loop completes.</summary>
    private async Task EndLoopAsync((ActivityContextState State, ActivityNode Node) loop)
    {
        foreach (var child in ChildrenOf(loop.State.Id)) Cancel(child);
        var context = new ActivityExecutionContext(this, loop.State, loop.Node);
        context.Complete();
        await AfterActivityAsync(context);
    }

    private async Task NotifyParentAsync(ActivityContextState state, ActivityNode node, IReadOnlyList<string> outcomes, bool faulted)
    {
        if (IsFinished) return;
        if (state.ParentContextId is null)
        {
            FinishWorkflow(WorkflowSubStatus.Finished);
            return;
        }
        var parent = Instance.FindContext(state.ParentContextId);
        if (parent is null || !Workflow.NodesByNodeId.TryGetValue(parent.NodeId, out var parentNode) || parentNode.Registration is null) return;
        var parentContext = new ActivityExecutionContext(this, parent, parentNode);
        try
        {
            await parentNode.Registration.Activity.OnChildCompletedAsync(parentContext, new ChildCompletion(node, state, outcomes, faulted));
            await AfterActivityAsync(parentContext);
        }
        catch (Exception exception)
        {
            await FaultAsync(parent, parentNode, exception);
        }
    }

    /// <summary>Elsa.End: completes the nearest flowchart ancestor, cancelling what still runs inside it.</summary>
    public void RequestFlowchartCompletion(ActivityContextState from)
    {
        for (var ancestor = Instance.FindContext(from.ParentContextId ?? ""); ancestor is not null; ancestor = Instance.FindContext(ancestor.ParentContextId ?? ""))
        {
            if (ancestor.ActivityType != "Elsa.Flowchart") continue;
            ancestor.Properties["completeRequested"] = true;
            return;
        }
    }

    public void RequestWorkflowFinish() => _finishRequested = true;

    // ---- faults, cancellation, finishing -----------------------------------------------------------------------

    private async Task FaultAsync(ActivityContextState state, ActivityNode? node, Exception exception)
    {
        Fault(state, node, exception);
        if (Workflow.ContinueWithIncidents && node is not null)
        {
            Instance.ActivityContexts.Remove(state);
            await NotifyParentAsync(state, node, [], faulted: true);
        }
    }

    private void Fault(ActivityContextState state, ActivityNode? node, Exception exception)
    {
        var error = ExceptionState.From(exception);
        state.Status = ActivityStatus.Faulted;
        foreach (var child in ChildrenOf(state.Id)) Cancel(child);
        RemoveBookmarksOf(state.Id);
        AddJournal(state, JournalEvents.Faulted, exception.Message, new JsonObject
        {
            ["exception"] = new JsonObject { ["type"] = error.Type, ["message"] = error.Message, ["stackTrace"] = error.StackTrace }
        });
        UpsertRecord(state, completedAt: Now, exception: error);
        var incident = new ActivityIncident(state.ActivityId, state.NodeId, state.ActivityType, exception.Message, error, Now) { ActivityInstanceId = state.Id };
        Instance.Incidents.Add(incident);
        Notifications.Add(new IncidentRecorded(Instance.Id, incident));
        Logger.LogWarning(exception, "Activity {ActivityId} ({ActivityType}) of workflow instance {InstanceId} faulted: {Message}",
            state.ActivityId, state.ActivityType, Instance.Id, exception.Message);
        if (!Workflow.ContinueWithIncidents)
        {
            // Elsa's default fault strategy: the workflow ends Finished/Faulted. The faulted context and the other
            // branches' contexts and bookmarks stay in the state, so a retry continues where it stopped.
            Instance.Fault = new WorkflowFault(error, exception.Message, state.ActivityId);
            EndInstance(WorkflowSubStatus.Faulted, cancelContexts: false);
        }
    }

    /// <summary>Cancels a context and its descendants: their bookmarks and timers go in this commit.</summary>
    public void Cancel(ActivityContextState state)
    {
        foreach (var child in ChildrenOf(state.Id)) Cancel(child);
        RemoveBookmarksOf(state.Id);
        state.Status = ActivityStatus.Canceled;
        AddJournal(state, JournalEvents.Canceled);
        UpsertRecord(state, completedAt: Now);
        Instance.ActivityContexts.Remove(state);
    }

    public void CancelWorkflow()
    {
        AddWorkflowJournal(JournalEvents.WorkflowCancelled);
        EndInstance(WorkflowSubStatus.Cancelled, cancelContexts: true);
    }

    private void FinishWorkflow(WorkflowSubStatus subStatus)
    {
        if (IsFinished) return;
        EndInstance(subStatus, cancelContexts: true);
    }

    private void EndInstance(WorkflowSubStatus subStatus, bool cancelContexts)
    {
        if (cancelContexts)
            foreach (var root in Instance.ActivityContexts.Where(c => c.ParentContextId is null || Instance.FindContext(c.ParentContextId) is null).ToList())
                Cancel(root);
        if (subStatus == WorkflowSubStatus.Faulted) ParkBookmarks();
        else foreach (var bookmark in Instance.Bookmarks.ToList()) RemoveBookmark(bookmark);
        _queue.Clear();
        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = subStatus;
        Instance.FinishedAt = Now;
        Notifications.Add(new WorkflowFinished(Instance.Id, Instance.DefinitionId, Instance.DefinitionVersionId, subStatus, Instance.CorrelationId, Instance.ParentWorkflowInstanceId));
        if (Instance.ParentWorkflowInstanceId is { } parentId)
            AddTimer(new ScheduledTimer
            {
                Id = Ids.New(), Kind = ScheduledWorkKind.Stimulus, DueAt = Now, WorkflowInstanceId = parentId,
                BookmarkName = BookmarkNames.ChildWorkflowCompleted, StimulusKey = Instance.Id,
                Payload = new JsonObject
                {
                    ["workflowInstanceId"] = Instance.Id, ["status"] = Instance.Status.ToString(), ["subStatus"] = subStatus.ToString(),
                    ["output"] = Instance.Output.DeepClone(), ["correlationId"] = Instance.CorrelationId,
                    ["workflowDefinitionVersionId"] = Instance.DefinitionVersionId,
                },
            });
    }

    // ---- bookmarks and timers ----------------------------------------------------------------------------------

    public Bookmark CreateBookmark(ActivityContextState state, ActivityNode node, string name, string hash, JsonNode? payload,
        Dictionary<string, string>? metadata, string? id = null, DateTimeOffset? dueAt = null)
    {
        var bookmark = new Bookmark
        {
            Id = id ?? Ids.New(), WorkflowInstanceId = Instance.Id, Name = name, Hash = hash, Payload = payload,
            ActivityId = node.Id, ActivityNodeId = node.NodeId, ActivityInstanceId = state.Id, CreatedAt = Now, Metadata = metadata, DueAt = dueAt,
        };
        Instance.Bookmarks.Add(bookmark);
        _bookmarksAdded.Add(bookmark);
        return bookmark;
    }

    public void RemoveBookmark(Bookmark bookmark)
    {
        Instance.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
        if (_bookmarksAdded.RemoveAll(b => b.Id == bookmark.Id) > 0) _timersAdded.RemoveAll(t => t.Id == bookmark.Id);
        else
        {
            _bookmarksRemoved.Add(bookmark.Id);
            _timersRemoved.Add(bookmark.Id);
        }
    }

    private void RemoveBookmarksOf(string contextId)
    {
        foreach (var bookmark in Instance.Bookmarks.Where(b => b.ActivityInstanceId == contextId).ToList()) RemoveBookmark(bookmark);
    }

    public void AddTimer(ScheduledTimer timer) => _timersAdded.Add(timer);

    /// <summary>The due row of a timer bookmark (same id as the bookmark).</summary>
    public static ScheduledTimer TimerFor(Bookmark bookmark) => new()
    {
        Id = bookmark.Id, Kind = ScheduledWorkKind.ResumeBookmark, DueAt = bookmark.DueAt!.Value, WorkflowInstanceId = bookmark.WorkflowInstanceId,
        BookmarkId = bookmark.Id, BookmarkName = bookmark.Name, ActivityId = bookmark.ActivityId,
    };

    /// <summary>
    /// A faulted instance keeps its bookmarks in its state (so a retry can continue the other branches) but they leave
    /// the bookmark index and their timers are deleted: nothing can resume a Finished instance.
    /// </summary>
    private void ParkBookmarks()
    {
        foreach (var bookmark in Instance.Bookmarks)
        {
            if (_bookmarksAdded.RemoveAll(b => b.Id == bookmark.Id) > 0) _timersAdded.RemoveAll(t => t.Id == bookmark.Id);
            else
            {
                _bookmarksRemoved.Add(bookmark.Id);
                _timersRemoved.Add(bookmark.Id);
            }
        }
    }

    /// <summary>Retry: the parked bookmarks of a faulted instance become resumable again (timers past due fire at once).</summary>
    public void RestoreParkedBookmarks()
    {
        foreach (var bookmark in Instance.Bookmarks)
        {
            _bookmarksAdded.Add(bookmark);
            if (bookmark.DueAt is not null) _timersAdded.Add(TimerFor(bookmark));
        }
    }

    public void RemoveTimer(string timerId) => _timersRemoved.Add(timerId);

    /// <summary>A child instance started in-process by this burst; its commit is written with this one.</summary>
    public void AddChildCommit(WorkflowCommit commit) => _childCommits.Add(commit);

    // ---- inputs, outputs, variables ----------------------------------------------------------------------------

    private JsonObject EvaluateInputs(ActivityNode node, ActivityExecutionContext context)
    {
        var values = new JsonObject();
        foreach (var (name, binding) in node.Inputs)
        {
            if (!binding.Descriptor.IsWrapped) continue;
            if (binding.Expression is { } expression)
                values[name] = JsonValues.ToJson(Evaluator.Evaluate(expression, binding.Descriptor.ValueType, context));
            else if (binding.Descriptor.DefaultValue is { } defaultValue)
                values[name] = JsonValues.ToJson(JsonValues.ConvertTo(defaultValue, binding.Descriptor.ValueType));
        }
        return values;
    }

    public object? EvaluateInput(ActivityNode node, string inputName, Type type, ActivityExecutionContext scope)
    {
        if (!node.Inputs.TryGetValue(inputName, out var binding)) return null;
        if (binding.Expression is { } expression) return Evaluator.Evaluate(expression, type, scope);
        return JsonValues.ConvertTo(binding.Descriptor.IsWrapped ? binding.Descriptor.DefaultValue : binding.Raw, type);
    }

    public void SetOutput(ActivityExecutionContext context, string name, JsonNode? value)
    {
        context.State.Outputs[name] = value;
        var outputs = Instance.Properties["activityOutputs"] as JsonObject ?? (JsonObject)(Instance.Properties["activityOutputs"] = new JsonObject());
        var ofActivity = outputs[context.ActivityId] as JsonObject ?? (JsonObject)(outputs[context.ActivityId] = new JsonObject());
        ofActivity[name] = value?.DeepClone();
        Instance.Properties["lastResult"] = value?.DeepClone();
        if (context.Node.OutputTargets.TryGetValue(name, out var target) && Workflow.FindVariable(target) is { } variable)
            Instance.Variables[variable.Id] = value?.DeepClone();
    }

    public JsonNode? GetOutput(string activityIdOrName, string? outputName)
    {
        var activityId = Workflow.NodesById.ContainsKey(activityIdOrName) ? activityIdOrName
            : Workflow.NodesById.Values.FirstOrDefault(n => n.Name == activityIdOrName)?.Id;
        if (activityId is null || (Instance.Properties["activityOutputs"] as JsonObject)?[activityId] is not JsonObject outputs) return null;
        return outputName is null ? outputs.FirstOrDefault().Value : outputs[outputName];
    }

    public JsonNode? GetVariable(ActivityContextState state, string nameOrId)
    {
        for (var scope = state; scope is not null; scope = Instance.FindContext(scope.ParentContextId ?? ""))
            if (scope.LocalVariables.TryGetPropertyValue(nameOrId, out var local)) return local;
        var variable = Workflow.FindVariable(nameOrId);
        var key = variable?.Id ?? nameOrId;
        if (Instance.Variables.TryGetValue(key, out var value)) return value;
        return variable is null ? null : InitialValue(variable);
    }

    public void SetVariable(ActivityContextState state, string nameOrId, JsonNode? value)
    {
        for (var scope = state; scope is not null; scope = Instance.FindContext(scope.ParentContextId ?? ""))
            if (scope.LocalVariables.ContainsKey(nameOrId)) { scope.LocalVariables[nameOrId] = value; return; }
        Instance.Variables[Workflow.FindVariable(nameOrId)?.Id ?? nameOrId] = value;
    }

    public IReadOnlyDictionary<string, JsonNode?> GetVisibleVariables(ActivityContextState state)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var variable in Workflow.Variables) result.TryAdd(variable.Name, GetVariable(state, variable.Id));
        foreach (var (key, value) in Instance.Variables)
            if (Workflow.FindVariable(key) is null) result.TryAdd(key, value);
        for (var scope = state; scope is not null; scope = Instance.FindContext(scope.ParentContextId ?? ""))
            foreach (var (name, value) in scope.LocalVariables) result[name] = value;
        return result;
    }

    /// <summary>A declared variable's initial value, typed by its typeName (variable values are stored as strings).</summary>
    public static JsonNode? InitialValue(VariableDefinition variable)
    {
        if (variable.Value is null) return null;
        var text = variable.Value;
        try
        {
            return variable.TypeName switch
            {
                "Int32" or "Int64" or "Double" or "Decimal" or "Single" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValues.ToJson(d),
                "Boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
                "Object" or "JSON" or "ObjectDictionary" when text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') => JsonNode.Parse(text),
                _ when variable.IsArray && text.TrimStart().StartsWith('[') => JsonNode.Parse(text),
                _ => JsonValue.Create(text)
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    // ---- journal and records -----------------------------------------------------------------------------------

    private void AddJournal(ActivityContextState state, string eventName, string? message = null, JsonNode? payload = null) =>
        _journal.Add(new WorkflowExecutionLogEntry
        {
            Id = Ids.New(), WorkflowInstanceId = Instance.Id, ActivityInstanceId = state.Id, ParentActivityInstanceId = state.ParentContextId,
            ActivityId = state.ActivityId, ActivityType = state.ActivityType, ActivityTypeVersion = state.ActivityVersion,
            ActivityName = state.ActivityName, NodeId = state.NodeId, Timestamp = Now, Sequence = ++Instance.JournalSequence,
            EventName = eventName, Message = message, Payload = payload,
        });

    private void AddWorkflowJournal(string eventName) =>
        _journal.Add(new WorkflowExecutionLogEntry
        {
            Id = Ids.New(), WorkflowInstanceId = Instance.Id, ActivityId = Serialization.ActivityJson.WorkflowNodeId,
            ActivityType = "Elsa.Workflow", ActivityTypeVersion = 1, NodeId = Serialization.ActivityJson.WorkflowNodeId,
            Timestamp = Now, Sequence = ++Instance.JournalSequence, EventName = eventName,
        });

    private void UpsertRecord(ActivityContextState state, DateTimeOffset? completedAt = null, ExceptionState? exception = null)
    {
        var previous = _records.GetValueOrDefault(state.Id);
        var logPersistence = Workflow.NodesByNodeId.GetValueOrDefault(state.NodeId)?.LogPersistence ?? LogPersistencePolicy.IncludeAll;
        _records[state.Id] = new ActivityExecutionRecord
        {
            Id = state.Id, WorkflowInstanceId = Instance.Id, ActivityId = state.ActivityId, ActivityNodeId = state.NodeId,
            ActivityType = state.ActivityType, ActivityTypeVersion = state.ActivityVersion, ActivityName = state.ActivityName,
            ActivityState = logPersistence.FilterInputs(state.ActivityState),
            Payload = state.Payload.Count == 0 ? null : (JsonObject)state.Payload.DeepClone(),
            Outputs = state.Outputs.Count == 0 ? null : logPersistence.FilterOutputs(state.Outputs),
            Exception = exception ?? previous?.Exception,
            StartedAt = state.StartedAt,
            HasBookmarks = Instance.Bookmarks.Any(b => b.ActivityInstanceId == state.Id),
            Status = state.Status,
            AggregateFaultCount = state.Status == ActivityStatus.Faulted ? 1 : 0,
            CompletedAt = completedAt,
            SchedulingActivityExecutionId = state.SchedulingContextId,
            SchedulingActivityId = state.SchedulingContextId is { } s ? Instance.FindContext(s)?.ActivityId : null,
            SchedulingWorkflowInstanceId = state.ParentContextId is null ? Instance.ParentWorkflowInstanceId : null,
            CallStackDepth = state.CallStackDepth,
        };
    }

    /// <summary>Builds the single commit of this burst and advances the instance's row version.</summary>
    public WorkflowCommit BuildCommit()
    {
        Instance.UpdatedAt = Now;
        Instance.RowVersion = (_expectedRowVersion ?? 0) + 1;
        // Records of contexts still alive are refreshed so hasBookmarks/outputs are current.
        foreach (var state in Instance.ActivityContexts.Where(c => _records.ContainsKey(c.Id)))
        {
            var record = _records[state.Id];
            UpsertRecord(state, record.CompletedAt, record.Exception);
        }
        return new WorkflowCommit
        {
            Instance = Instance,
            ExpectedRowVersion = _expectedRowVersion,
            BookmarksAdded = _bookmarksAdded.ToList(),
            BookmarksRemoved = _bookmarksRemoved.Distinct().ToList(),
            TimersAdded = _timersAdded.ToList(),
            TimersRemoved = _timersRemoved.Distinct().ToList(),
            ActivityRecords = _records.Values.ToList(),
            JournalEntries = _journal.ToList(),
            Notifications = Notifications.ToList(),
            ChildCommits = _childCommits.ToList(),
        };
    }

    public IReadOnlyList<ScheduledTimer> TimersAdded => _timersAdded;
}
