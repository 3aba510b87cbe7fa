using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Runtime;

/// <inheritdoc />
public sealed class WorkflowRuntime(
    IServiceScopeFactory scopeFactory,
    CompiledWorkflowCache cache,
    ExpressionEvaluator evaluator,
    IWorkflowInstanceLock instanceLock,
    TimeProvider timeProvider,
    TimerSignal timerSignal,
    StimulusTriggers stimulusTriggers,
    WorkflowRuntimeOptions options,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    internal WorkflowRuntimeOptions Options => options;
    internal ExpressionEvaluator Evaluator => evaluator;
    internal TimeProvider TimeProvider => timeProvider;
    internal ILogger Logger => logger;

    public Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default) =>
        StartCoreAsync(request, [], [], cancellationToken);

    /// <summary>Starts an instance; the extra timer changes (trigger rescheduling, dispatch row removal) join its commit.</summary>
    internal async Task<WorkflowRunResult> StartCoreAsync(StartWorkflowRequest request, IReadOnlyList<ScheduledTimer> timersAdded,
        IReadOnlyList<string> timersRemoved, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var (instance, execution) = await RunStartAsync(scope.ServiceProvider, request, timersAdded, timersRemoved, cancellationToken);
        await CommitAsync(scope.ServiceProvider, execution, cancellationToken);
        return WorkflowRunResult.From(instance);
    }

    /// <summary>
    /// ExecuteWorkflow's child: its first burst runs right away, in-process, but its commit joins the parent burst's
    /// commit (<see cref="WorkflowCommit.ChildCommits"/>) — one transaction, so a crash never leaves a child whose
    /// parent re-runs the activity and starts a second one.
    /// </summary>
    internal async Task<WorkflowRunResult> StartChildAsync(StartWorkflowRequest request, WorkflowExecution parent, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var (instance, execution) = await RunStartAsync(scope.ServiceProvider, request, [], [], cancellationToken);
        parent.AddChildCommit(execution.BuildCommit());
        return WorkflowRunResult.From(instance);
    }

    private async Task<(WorkflowInstance, WorkflowExecution)> RunStartAsync(IServiceProvider services, StartWorkflowRequest request,
        IReadOnlyList<ScheduledTimer> timersAdded, IReadOnlyList<string> timersRemoved, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<IWorkflowDefinitionStore>();
        var version = request.DefinitionVersionId is { } versionId
            ? await definitions.FindByIdAsync(versionId, cancellationToken)
            : request.DefinitionId is { } definitionId ? await definitions.FindAsync(definitionId, request.VersionOptions, cancellationToken) : null;
        if (version is null)
            throw new WorkflowDefinitionNotFoundException(
                $"No workflow definition version matches definition id '{request.DefinitionId}' / version id '{request.DefinitionVersionId}' ({request.VersionOptions}).");
        var workflow = cache.Get(version);
        var now = timeProvider.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = request.InstanceId ?? Ids.New(),
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            Version = version.Version,
            Name = request.Name ?? version.Name,
            CorrelationId = request.CorrelationId,
            ParentWorkflowInstanceId = request.ParentWorkflowInstanceId,
            Input = (JsonObject?)request.Input?.DeepClone() ?? new JsonObject(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Variables) instance.Variables[variable.Id] = WorkflowExecution.InitialValue(variable);
        if (request.TriggerActivityId is not null) instance.Properties["triggerActivityId"] = request.TriggerActivityId;

        await using var held = await instanceLock.AcquireAsync(instance.Id, cancellationToken);
        var execution = new WorkflowExecution(this, services, instance, workflow, isNew: true, cancellationToken);
        foreach (var timer in timersAdded) execution.AddTimer(timer);
        foreach (var timerId in timersRemoved) execution.RemoveTimer(timerId);
        execution.Notifications.Add(new WorkflowStarted(instance.Id, instance.DefinitionId, instance.DefinitionVersionId, instance.CorrelationId));
        execution.Schedule(workflow.Root, null, null, null, request.SchedulingActivityExecutionId, rootCallStackDepth: request.CallStackDepth);
        await execution.RunAsync();
        return (instance, execution);
    }

    /// <summary>
    /// One read finds the task's bookmark with its instance's state (before the lock: the instance is not known
    /// until then). If another burst of that instance committed between the read and the lock, the commit's row-version
    /// check refuses ours and the resume is redone on the state read under the lock — so exactly-once still holds.
    /// </summary>
    public async Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default)
    {
        var input = new JsonObject { ["RunTaskInput"] = result?.DeepClone() };
        BookmarkedInstance? found;
        ResumeResult? outcome = null;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            found = await scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>()
                .FindBookmarkWithInstanceAsync(BookmarkNames.RunTask, BookmarkHash.Compute(BookmarkNames.RunTask, taskId), cancellationToken);
            if (found is null) return ResumeResult.NotFound($"No pending task with id '{taskId}'.");
            try
            {
                outcome = await ResumeInScopeAsync(scope.ServiceProvider, found.Instance.Id, [ResumeOf(found.Bookmark.Id, input)], found.Instance, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // The state read before the lock was stale; redone below on a fresh scope and read.
            }
        }
        outcome ??= await ResumeCoreAsync(found.Instance.Id, [ResumeOf(found.Bookmark.Id, input)], cancellationToken);
        return outcome.Outcome == ResumeOutcome.NotFound ? ResumeResult.NotFound($"No pending task with id '{taskId}' (already completed).") : outcome;
    }

    private static PendingResume ResumeOf(string bookmarkId, JsonObject input) => new(b => b.Id == bookmarkId, (JsonObject)input.DeepClone(), null);

    public Task<ResumeResult> ResumeBookmarkAsync(string instanceId, string bookmarkId, JsonObject? input = null, CancellationToken cancellationToken = default) =>
        ResumeCoreAsync(instanceId, [new PendingResume(b => b.Id == bookmarkId, input ?? new JsonObject(), null)], cancellationToken);

    /// <summary>
    /// The single resume path: lock → load → for each resume in order, its bookmark must still exist (one consumed
    /// earlier, or by an earlier resume of this burst, or an instance that finished meanwhile: the resume is skipped) →
    /// run → ONE commit in which every consumed bookmark and the due rows of all <paramref name="resumes"/> are deleted.
    /// Several resumes of one instance (a fan-in of child completions) so cost one load and one state write, and a
    /// failure before the commit leaves all of them to be redone. Resumed when at least one applied.
    /// </summary>
    internal async Task<ResumeResult> ResumeCoreAsync(string instanceId, IReadOnlyList<PendingResume> resumes, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await ResumeInScopeAsync(scope.ServiceProvider, instanceId, resumes, null, cancellationToken);
    }

    /// <summary><paramref name="readBeforeLock"/>: state read before the lock (its row version guards the commit); null reads it under the lock.</summary>
    private async Task<ResumeResult> ResumeInScopeAsync(IServiceProvider services, string instanceId, IReadOnlyList<PendingResume> resumes,
        WorkflowInstance? readBeforeLock, CancellationToken cancellationToken)
    {
        await using var held = await instanceLock.AcquireAsync(instanceId, cancellationToken);
        var instance = readBeforeLock ?? await services.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null) return ResumeResult.NotFound($"Workflow instance '{instanceId}' does not exist.");

        WorkflowExecution? execution = null;
        var skippedTimerIds = new List<string>();
        foreach (var resume in resumes)
        {
            var bookmark = instance.Status == WorkflowStatus.Finished ? null : instance.Bookmarks.FirstOrDefault(resume.SelectBookmark);
            if (bookmark is null)
            {
                if (resume.TimerId is { } staleTimerId) skippedTimerIds.Add(staleTimerId);
                continue;
            }
            if (execution is null)
            {
                var workflow = await LoadWorkflowAsync(services, instance, cancellationToken);
                if (workflow is null) return ResumeResult.NotFound($"Definition version '{instance.DefinitionVersionId}' of instance '{instanceId}' no longer exists.");
                execution = new WorkflowExecution(this, services, instance, workflow, isNew: false, cancellationToken);
            }
            execution.RemoveBookmark(bookmark);
            if (resume.TimerId is { } timerId && timerId != bookmark.Id) execution.RemoveTimer(timerId);
            execution.EnqueueResume(bookmark, resume.Input);
            await execution.RunAsync();
        }
        if (execution is null) return ResumeResult.NotFound($"Workflow instance '{instanceId}' has no such pending bookmark.");
        // Rows of skipped resumes go with the commit too: they no longer apply, and deleting them here is atomic with it.
        foreach (var timerId in skippedTimerIds) execution.RemoveTimer(timerId);
        await CommitAsync(services, execution, cancellationToken);
        return new ResumeResult(ResumeOutcome.Resumed, WorkflowRunResult.From(instance));
    }

    public async Task<IReadOnlyList<ResumeResult>> ResumeAsync(string bookmarkName, string stimulusKey, JsonObject? input = null,
        string? correlationId = null, CancellationToken cancellationToken = default)
    {
        input ??= new JsonObject();
        var results = new List<ResumeResult>();
        foreach (var bookmark in await FindBookmarksAsync(bookmarkName, stimulusKey, correlationId, cancellationToken))
            results.Add(await ResumeBookmarkAsync(bookmark.WorkflowInstanceId, bookmark.Id, (JsonObject)input.DeepClone(), cancellationToken));
        // After the resumes, so an instance started here is not also resumed by the stimulus that started it.
        results.AddRange(await StartTriggeredAsync(bookmarkName, stimulusKey, input, correlationId, null, cancellationToken));
        return results;
    }

    public Task<IReadOnlyList<ResumeResult>> PublishEventAsync(string eventName, string? correlationId = null, JsonNode? payload = null,
        CancellationToken cancellationToken = default) =>
        ResumeAsync(BookmarkNames.Event, eventName, new JsonObject { ["EventPayload"] = payload?.DeepClone() }, correlationId, cancellationToken);

    /// <summary>
    /// Starts a new instance at every published stimulus trigger listening for (name, key), each in its own commit,
    /// with the stimulus's correlation id. <paramref name="instanceIdOf"/> gives redoable work (a durable stimulus row)
    /// fixed instance ids: a start that already committed is skipped, so a re-run after a crash starts nothing twice.
    /// </summary>
    internal async Task<IReadOnlyList<ResumeResult>> StartTriggeredAsync(string bookmarkName, string stimulusKey, JsonObject input, string? correlationId,
        Func<StimulusTriggerMatch, string>? instanceIdOf, CancellationToken cancellationToken)
    {
        IReadOnlyList<StimulusTriggerMatch> matches;
        await using (var scope = scopeFactory.CreateAsyncScope())
            matches = await stimulusTriggers.FindAsync(scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionStore>(), bookmarkName, stimulusKey, cancellationToken);
        var results = new List<ResumeResult>();
        foreach (var match in matches)
        {
            var instanceId = instanceIdOf?.Invoke(match);
            if (instanceId is not null && await InstanceExistsAsync(instanceId, cancellationToken)) continue;
            try
            {
                var run = await StartAsync(new StartWorkflowRequest
                {
                    DefinitionVersionId = match.Workflow.VersionId, TriggerActivityId = match.Node.Id, InstanceId = instanceId,
                    CorrelationId = correlationId, Input = match.Trigger.WorkflowInput(input),
                }, cancellationToken);
                results.Add(new ResumeResult(ResumeOutcome.Started, run));
            }
            catch (ConcurrencyException) when (instanceId is not null)
            {
                // Started by an earlier run of the same work that committed meanwhile.
            }
        }
        return results;
    }

    private async Task<bool> InstanceExistsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instanceId, cancellationToken) is not null;
    }

    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>();
        await using var held = await instanceLock.AcquireAsync(instanceId, cancellationToken);
        var instance = await state.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null || instance.Status == WorkflowStatus.Finished) return false;
        var workflow = await LoadWorkflowAsync(scope.ServiceProvider, instance, cancellationToken);
        if (workflow is null) return false;
        var execution = new WorkflowExecution(this, scope.ServiceProvider, instance, workflow, isNew: false, cancellationToken);
        execution.CancelWorkflow();
        await CommitAsync(scope.ServiceProvider, execution, cancellationToken);
        return true;
    }

    public async Task<WorkflowRunResult?> RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>();
        await using var held = await instanceLock.AcquireAsync(instanceId, cancellationToken);
        var instance = await state.GetInstanceAsync(instanceId, cancellationToken);
        var faulted = instance?.ActivityContexts.Where(c => c.Status == ActivityStatus.Faulted).ToList() ?? [];
        // Activities scheduled but not yet run when the fault stopped the burst run after the retried ones.
        var pending = instance?.ActivityContexts.Where(c => c.Status == ActivityStatus.Pending).ToList() ?? [];
        if (instance is null || faulted.Count == 0) return null;
        var workflow = await LoadWorkflowAsync(scope.ServiceProvider, instance, cancellationToken);
        if (workflow is null) return null;
        instance.Status = WorkflowStatus.Running;
        instance.SubStatus = WorkflowSubStatus.Executing;
        instance.Fault = null;
        instance.FinishedAt = null;
        var execution = new WorkflowExecution(this, scope.ServiceProvider, instance, workflow, isNew: false, cancellationToken);
        execution.RestoreParkedBookmarks();
        foreach (var context in faulted.Concat(pending)) execution.EnqueueRetry(context);
        await execution.RunAsync();
        await CommitAsync(scope.ServiceProvider, execution, cancellationToken);
        return WorkflowRunResult.From(instance);
    }

    private async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string stimulusKey, string? correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>()
            .FindBookmarksAsync(name, BookmarkHash.Compute(name, stimulusKey), correlationId, cancellationToken);
    }

    /// <summary>A running instance's version: from the cache by version id, read from the store only the first time.</summary>
    private async Task<CompiledWorkflow?> LoadWorkflowAsync(IServiceProvider services, WorkflowInstance instance, CancellationToken cancellationToken) =>
        await cache.GetAsync(instance.DefinitionVersionId,
            id => services.GetRequiredService<IWorkflowDefinitionStore>().FindByIdAsync(id, cancellationToken));

    private async Task CommitAsync(IServiceProvider services, WorkflowExecution execution, CancellationToken cancellationToken)
    {
        var commit = execution.BuildCommit();
        await services.GetRequiredService<IWorkflowStateStore>().CommitAsync(commit, cancellationToken);
        var timersAdded = commit.SelfAndChildren().SelectMany(c => c.TimersAdded).ToList();
        if (timersAdded.Count > 0) timerSignal.Notify(timersAdded.Min(t => t.DueAt));
    }
}
