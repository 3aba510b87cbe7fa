using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Scheduling;

/// <summary>
/// Elsa.Timer: as a step, waits <c>interval</c>; as a trigger (canStartWorkflow on a published version) starts a new
/// instance every interval.
/// </summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval.", Kind = ActivityKind.Trigger)]
public sealed class Timer : Activity, ITimerTrigger
{
    [Input(Description = "The interval at which the timer should execute.", DefaultValue = "00:01:00")]
    public Input<TimeSpan> Interval { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var resumeAt = context.UtcNow + context.Get(Interval);
        context.CreateTimer("Elsa.Timer", resumeAt, new JsonObject { ["resumeAt"] = JsonValues.ToJson(resumeAt) });
        return ValueTask.CompletedTask;
    }

    public DateTimeOffset? NextTriggerTime(TriggerContext context, DateTimeOffset after, bool isFirst)
    {
        var interval = context.Get(Interval);
        return interval > System.TimeSpan.Zero ? after + interval : null;
    }
}
