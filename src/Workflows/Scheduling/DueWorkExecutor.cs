using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Scheduling;

/// <summary>
/// Performs the work of claimed due rows, one unit (see <see cref="Group"/>) at a time; a row is deleted in the commit
/// of its work (or here, when nothing applies any more).
/// </summary>
public sealed class DueWorkExecutor(
    WorkflowRuntime runtime,
    IServiceScopeFactory scopeFactory,
    CompiledWorkflowCache cache,
    TriggerTimers triggers,
    ILogger<DueWorkExecutor> logger)
{
    /// <summary>
    /// Splits a claimed batch into units of work, in claim order: every resume addressed to one instance (its timer
    /// bookmarks, stimuli sent to it) joins that instance's unit, run as ONE burst with one commit — so a fan-in of
    /// many child completions costs one load and one state write per batch, not per child; every other row is a unit
    /// of its own.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ScheduledTimer>> Group(IReadOnlyList<ScheduledTimer> batch)
    {
        var units = new List<IReadOnlyList<ScheduledTimer>>();
        var byInstance = new Dictionary<string, List<ScheduledTimer>>(StringComparer.Ordinal);
        foreach (var timer in batch)
        {
            if (ResumedInstanceOf(timer) is not { } instanceId)
            {
                units.Add([timer]);
                continue;
            }
            if (!byInstance.TryGetValue(instanceId, out var unit))
            {
                byInstance[instanceId] = unit = [];
                units.Add(unit);
            }
            unit.Add(timer);
        }
        return units;
    }

    /// <summary>Runs one unit of <see cref="Group"/>: a single row, or the resumes of one instance in claim order.</summary>
    public async Task ExecuteAsync(IReadOnlyList<ScheduledTimer> unit, CancellationToken cancellationToken)
    {
        var first = unit[0];
        var instanceId = ResumedInstanceOf(first);
        if (unit.Count > 1 && (instanceId is null || unit.Any(t => ResumedInstanceOf(t) != instanceId)))
            throw new ArgumentException("Only resumes of one instance can be run together.", nameof(unit));
        await using var scope = scopeFactory.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerStore>();
        try
        {
            var done = instanceId is not null
                ? await ResumeInstanceAsync(instanceId, unit, cancellationToken)
                : first.Kind switch
                {
                    ScheduledWorkKind.Stimulus => await BroadcastAsync(scope.ServiceProvider, first, cancellationToken),
                    ScheduledWorkKind.Trigger => await TriggerAsync(scope.ServiceProvider, first, cancellationToken),
                    ScheduledWorkKind.Dispatch => await DispatchAsync(scope.ServiceProvider, first, cancellationToken),
                    _ => false
                };
            if (!done) await DeleteAsync(timers, unit, cancellationToken);
        }
        catch (ConcurrencyException exception)
        {
            // Someone else committed this instance first; the lease expires and the rows are tried again.
            logger.LogInformation("Due items {TimerIds} ({Kind}) hit a concurrent commit and will be retried: {Message}",
                unit.Select(t => t.Id), first.Kind, exception.Message);
        }
        catch (WorkflowDefinitionNotFoundException exception)
        {
            logger.LogWarning("Due item {TimerId} ({Kind}) dropped: {Message}", first.Id, first.Kind, exception.Message);
            await DeleteAsync(timers, unit, cancellationToken);
        }
    }

    /// <summary>The instance a row resumes (timer bookmarks, stimuli addressed to one instance); null for other work.</summary>
    private static string? ResumedInstanceOf(ScheduledTimer timer) =>
        timer.Kind is ScheduledWorkKind.ResumeBookmark or ScheduledWorkKind.Stimulus ? timer.WorkflowInstanceId : null;

    private static async Task DeleteAsync(ITimerStore timers, IReadOnlyList<ScheduledTimer> unit, CancellationToken cancellationToken)
    {
        foreach (var timer in unit) await timers.DeleteAsync(timer.Id, cancellationToken);
    }

    /// <summary>True when a commit removed the rows; false when none applied (the caller deletes them).</summary>
    private async Task<bool> ResumeInstanceAsync(string instanceId, IReadOnlyList<ScheduledTimer> unit, CancellationToken cancellationToken)
    {
        var result = await runtime.ResumeCoreAsync(instanceId, unit.Select(ResumeOf).ToList(), cancellationToken);
        return result.Outcome == ResumeOutcome.Resumed;
    }

    private static PendingResume ResumeOf(ScheduledTimer timer)
    {
        if (timer.Kind == ScheduledWorkKind.ResumeBookmark)
            return new PendingResume(b => b.Id == timer.BookmarkId, new JsonObject { ["resumedAt"] = JsonValues.ToJson(timer.DueAt) }, timer.Id);
        var hash = BookmarkHash.Compute(timer.BookmarkName!, timer.StimulusKey!);
        return new PendingResume(b => b.Name == timer.BookmarkName && b.Hash == hash, timer.Payload ?? new JsonObject(), timer.Id);
    }

    /// <summary>
    /// A stimulus to every instance waiting for it: each bookmark is consumed in its own instance's commit; the row is
    /// deleted only after all of them, so a crash part-way re-delivers to the bookmarks not consumed yet (never twice
    /// to the same one). Bookmarks created after the stimulus was sent do not receive it. Then published stimulus
    /// triggers start new instances; their ids derive from the row and the trigger, so a re-run starts none twice.
    /// </summary>
    private async Task<bool> BroadcastAsync(IServiceProvider services, ScheduledTimer timer, CancellationToken cancellationToken)
    {
        var hash = BookmarkHash.Compute(timer.BookmarkName!, timer.StimulusKey!);
        var input = timer.Payload ?? new JsonObject();
        var bookmarks = await services.GetRequiredService<IWorkflowStateStore>().FindBookmarksAsync(timer.BookmarkName!, hash, timer.CorrelationId, cancellationToken);
        foreach (var bookmark in bookmarks.Where(b => b.CreatedAt <= timer.DueAt))
            await runtime.ResumeCoreAsync(bookmark.WorkflowInstanceId, [new PendingResume(b => b.Id == bookmark.Id, (JsonObject)input.DeepClone(), null)], cancellationToken);
        await runtime.StartTriggeredAsync(timer.BookmarkName!, timer.StimulusKey!, input, timer.CorrelationId,
            match => Ids.Derived(timer.Id, match.Workflow.VersionId, match.Node.Id), cancellationToken);
        return false;
    }

    private async Task<bool> TriggerAsync(IServiceProvider services, ScheduledTimer timer, CancellationToken cancellationToken)
    {
        var version = await services.GetRequiredService<IWorkflowDefinitionStore>().FindByIdAsync(timer.DefinitionVersionId!, cancellationToken);
        if (version is not { IsPublished: true }) return false;
        var workflow = cache.Get(version);
        var next = triggers.Next(workflow, timer.ActivityId!, timer.DueAt);
        await runtime.StartCoreAsync(new StartWorkflowRequest { DefinitionVersionId = version.Id, TriggerActivityId = timer.ActivityId },
            next is null ? [] : [next], [timer.Id], cancellationToken);
        return true;
    }

    private async Task<bool> DispatchAsync(IServiceProvider services, ScheduledTimer timer, CancellationToken cancellationToken)
    {
        // Started already (e.g. the row's previous claim committed the start but the host died before the delete).
        if (await services.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(timer.WorkflowInstanceId!, cancellationToken) is not null) return false;
        var payload = timer.Payload ?? new JsonObject();
        VersionOptions.TryParse(payload.GetString("versionOptions"), out var versionOptions);
        var request = new StartWorkflowRequest
        {
            InstanceId = timer.WorkflowInstanceId,
            DefinitionId = timer.DefinitionId,
            DefinitionVersionId = timer.DefinitionVersionId,
            VersionOptions = versionOptions,
            Input = payload["input"] as JsonObject,
            CorrelationId = payload.GetString("correlationId"),
            Name = payload.GetString("name"),
            TriggerActivityId = payload.GetString("triggerActivityId"),
            ParentWorkflowInstanceId = payload.GetString("parentWorkflowInstanceId"),
            SchedulingActivityExecutionId = payload.GetString("schedulingActivityExecutionId"),
            CallStackDepth = payload["callStackDepth"]?.GetValue<int>() ?? 0,
        };
        await runtime.StartCoreAsync(request, [], [timer.Id], cancellationToken);
        return true;
    }
}
