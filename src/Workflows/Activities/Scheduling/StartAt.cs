using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Scheduling;

/// <summary>Elsa.StartAt: continues at <c>dateTime</c> (at once if past); as a trigger starts one instance then.</summary>
[Activity("Elsa", "Scheduling", "Trigger execution at a specific time in the future.", Kind = ActivityKind.Trigger)]
public sealed class StartAt : Activity, ITimerTrigger
{
    [Input(Description = "The date and time at which the workflow should execute.", UIHint = "datetime-picker", IsRequired = true)]
    public Input<DateTimeOffset> DateTime { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var executeAt = context.Get(DateTime);
        if (context.IsTriggerOfWorkflow || executeAt <= context.UtcNow)
        {
            context.AddPayload("Executed At", JsonValues.ToJson(context.UtcNow));
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.CreateTimer("Elsa.StartAt", executeAt, new JsonObject { ["executeAt"] = JsonValues.ToJson(executeAt) });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.AddPayload("Executed At", JsonValues.ToJson(context.UtcNow));
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public DateTimeOffset? NextTriggerTime(TriggerContext context, DateTimeOffset after, bool isFirst)
    {
        var executeAt = context.Get(DateTime);
        return isFirst && executeAt > after ? executeAt : null;
    }
}
