using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Scheduling;

/// <summary>Performs the work of one claimed due row; the row is deleted in the commit of that work (or here, when nothing applies any more).</summary>
public sealed class DueWorkExecutor(
    WorkflowRuntime runtime,
    IServiceScopeFactory scopeFactory,
    CompiledWorkflowCache cache,
    TriggerTimers triggers,
    ILogger<DueWorkExecutor> logger)
{
    public async Task ExecuteAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var timers = scope.ServiceProvider.GetRequiredService<ITimerStore>();
        try
        {
            var done = timer.Kind switch
            {
                ScheduledWorkKind.ResumeBookmark => await ResumeBookmarkAsync(timer, cancellationToken),
                ScheduledWorkKind.Stimulus => await StimulusAsync(scope.ServiceProvider, timer, cancellationToken),
                ScheduledWorkKind.Trigger => await TriggerAsync(scope.ServiceProvider, timer, cancellationToken),
                ScheduledWorkKind.Dispatch => await DispatchAsync(scope.ServiceProvider, timer, cancellationToken),
                _ => false
            };
            if (!done) await timers.DeleteAsync(timer.Id, cancellationToken);
        }
        catch (ConcurrencyException exception)
        {
            // Someone else committed this instance first; the lease expires and the row is tried again.
            logger.LogInformation("Due item {TimerId} ({Kind}) hit a concurrent commit and will be retried: {Message}", timer.Id, timer.Kind, exception.Message);
        }
        catch (WorkflowDefinitionNotFoundException exception)
        {
            logger.LogWarning("Due item {TimerId} ({Kind}) dropped: {Message}", timer.Id, timer.Kind, exception.Message);
            await timers.DeleteAsync(timer.Id, cancellationToken);
        }
    }

    /// <summary>True when a commit removed the row; false when nothing applied (the caller deletes the row).</summary>
    private async Task<bool> ResumeBookmarkAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["resumedAt"] = JsonValues.ToJson(timer.DueAt) };
        var result = await runtime.ResumeCoreAsync(timer.WorkflowInstanceId!, b => b.Id == timer.BookmarkId, input, timer.Id, cancellationToken);
        return result.Outcome == ResumeOutcome.Resumed;
    }

    private async Task<bool> StimulusAsync(IServiceProvider services, ScheduledTimer timer, CancellationToken cancellationToken)
    {
        var hash = BookmarkHash.Compute(timer.BookmarkName!, timer.StimulusKey!);
        var input = timer.Payload ?? new JsonObject();
        if (timer.WorkflowInstanceId is { } instanceId)
        {
            var result = await runtime.ResumeCoreAsync(instanceId, b => b.Name == timer.BookmarkName && b.Hash == hash, input, timer.Id, cancellationToken);
            return result.Outcome == ResumeOutcome.Resumed;
        }
        // A broadcast: each bookmark is consumed in its own instance's commit; the row is deleted only after all of
        // them, so a crash part-way re-delivers to the bookmarks not consumed yet (never twice to the same one).
        // Bookmarks created after the stimulus was sent do not receive it.
        var bookmarks = await services.GetRequiredService<IWorkflowStateStore>().FindBookmarksAsync(timer.BookmarkName!, hash, timer.CorrelationId, cancellationToken);
        foreach (var bookmark in bookmarks.Where(b => b.CreatedAt <= timer.DueAt))
            await runtime.ResumeCoreAsync(bookmark.WorkflowInstanceId, b => b.Id == bookmark.Id, (JsonObject)input.DeepClone(), null, cancellationToken);
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
            ParentWorkflowInstanceId = payload.GetString("parentWorkflowInstanceId"),
            SchedulingActivityExecutionId = payload.GetString("schedulingActivityExecutionId"),
            CallStackDepth = payload["callStackDepth"]?.GetValue<int>() ?? 0,
        };
        await runtime.StartCoreAsync(request, [], [timer.Id], cancellationToken);
        return true;
    }
}
