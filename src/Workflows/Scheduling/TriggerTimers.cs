using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Scheduling;

/// <summary>
/// Computes the due rows of trigger activities (Timer/StartAt/Cron with canStartWorkflow) of a published version:
/// at publish (first occurrence) and after each fire (the next one, written in the started instance's commit).
/// </summary>
public sealed class TriggerTimers(ExpressionEvaluator evaluator)
{
    public IReadOnlyList<ScheduledTimer> ForPublishedVersion(CompiledWorkflow workflow, DateTimeOffset now) =>
        workflow.NodesById.Values.Where(n => n.CanStartWorkflow && n.Registration?.Activity is ITimerTrigger)
            .Select(n => Create(workflow, n, now, isFirst: true)).OfType<ScheduledTimer>().ToList();

    public ScheduledTimer? Next(CompiledWorkflow workflow, string activityId, DateTimeOffset after) =>
        workflow.NodesById.TryGetValue(activityId, out var node) ? Create(workflow, node, after, isFirst: false) : null;

    private ScheduledTimer? Create(CompiledWorkflow workflow, ActivityNode node, DateTimeOffset after, bool isFirst)
    {
        if (node.Registration?.Activity is not ITimerTrigger trigger) return null;
        var context = TriggerContext.For(node, evaluator);
        var due = trigger.NextTriggerTime(context, after, isFirst);
        return due is null ? null : new ScheduledTimer
        {
            Id = Ids.New(), Kind = ScheduledWorkKind.Trigger, DueAt = due.Value.ToUniversalTime(),
            DefinitionId = workflow.DefinitionId, DefinitionVersionId = workflow.VersionId, ActivityId = node.Id,
        };
    }
}
