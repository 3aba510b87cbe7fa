using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// Queues workflow starts (Elsa's "dispatch"): a <see cref="ScheduledWorkKind.Dispatch"/> row due now, which the
/// scheduler turns into the start in its own burst. Both the DispatchWorkflow activity (the row joins the burst's
/// commit) and the REST API's <c>dispatch</c> (the row is written on its own) queue through <see cref="QueuedStart"/>.
/// </summary>
public sealed class WorkflowDispatcher(IWorkflowDefinitionStore definitions, ITimerStore timers, TimerSignal signal, TimeProvider timeProvider)
{
    /// <summary>
    /// Resolves the version now (so a missing one fails here, not later in the scheduler) and queues the start of that
    /// exact version. Returns the new instance id (the request's, if given).
    /// </summary>
    /// <exception cref="WorkflowDefinitionNotFoundException">No version matches.</exception>
    public async Task<string> DispatchAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var version = request.DefinitionVersionId is { } versionId
            ? await definitions.FindByIdAsync(versionId, cancellationToken)
            : await definitions.FindAsync(request.DefinitionId ?? "", request.VersionOptions, cancellationToken);
        if (version is null)
            throw new WorkflowDefinitionNotFoundException(
                $"Workflow definition '{request.DefinitionVersionId ?? request.DefinitionId}' has no {request.VersionOptions} version to dispatch.");
        var instanceId = request.InstanceId ?? Ids.New();
        var timer = QueuedStart(request with { DefinitionId = version.DefinitionId, DefinitionVersionId = version.Id }, instanceId, timeProvider.GetUtcNow());
        await timers.AddAsync(timer, cancellationToken);
        signal.Notify(timer.DueAt);
        return instanceId;
    }

    /// <summary>The due row that starts <paramref name="request"/> as instance <paramref name="instanceId"/> at <paramref name="dueAt"/>.</summary>
    public static ScheduledTimer QueuedStart(StartWorkflowRequest request, string instanceId, DateTimeOffset dueAt) => new()
    {
        Id = Ids.New(),
        Kind = ScheduledWorkKind.Dispatch,
        DueAt = dueAt,
        WorkflowInstanceId = instanceId,
        DefinitionId = request.DefinitionId,
        DefinitionVersionId = request.DefinitionVersionId,
        Payload = new JsonObject
        {
            ["definitionId"] = request.DefinitionId,
            ["definitionVersionId"] = request.DefinitionVersionId,
            ["versionOptions"] = request.VersionOptions.ToString(),
            ["input"] = request.Input?.DeepClone(),
            ["correlationId"] = request.CorrelationId,
            ["name"] = request.Name,
            ["triggerActivityId"] = request.TriggerActivityId,
            ["parentWorkflowInstanceId"] = request.ParentWorkflowInstanceId,
            ["schedulingActivityExecutionId"] = request.SchedulingActivityExecutionId,
            ["callStackDepth"] = request.CallStackDepth,
        },
    };
}
