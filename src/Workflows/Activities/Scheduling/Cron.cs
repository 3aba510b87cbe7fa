using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Activities.Scheduling;

/// <summary>
/// Elsa.Cron: 6-field Cronos expression with seconds (UTC), evaluated through Quartz (see <see cref="CronSchedule"/>).
/// As a step, waits for the next occurrence; as a trigger, starts an instance on every occurrence.
/// </summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval using a CRON expression.", Kind = ActivityKind.Trigger)]
public sealed class Cron : Activity, ITimerTrigger
{
    [Input(Description = "The CRON expression (6 fields, with seconds) at which the timer should execute.", IsRequired = true)]
    public Input<string> CronExpression { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            context.AddPayload("ExecuteAt", JsonValues.ToJson(context.UtcNow));
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var expression = context.Get(CronExpression) ?? "";
        var next = CronSchedule.NextOccurrence(expression, context.UtcNow)
            ?? throw new InvalidOperationException($"Cron expression '{expression}' has no future occurrence.");
        context.CreateTimer("Elsa.Cron", next, new JsonObject { ["executeAt"] = JsonValues.ToJson(next), ["cronExpression"] = expression });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.AddPayload("ExecuteAt", JsonValues.ToJson(context.UtcNow));
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public DateTimeOffset? NextTriggerTime(TriggerContext context, DateTimeOffset after, bool isFirst) =>
        CronSchedule.NextOccurrence(context.Get(CronExpression) ?? "", after);
}
