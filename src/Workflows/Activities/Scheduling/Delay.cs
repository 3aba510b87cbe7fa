using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Scheduling;

/// <summary>Elsa.Delay: waits <c>timeSpan</c> on a durable timer (bookmark <c>Elsa.Delay</c>, payload <c>resumeAt</c>).</summary>
[Activity("Elsa", "Scheduling", "Delay execution for the specified amount of time.")]
public sealed class Delay : Activity
{
    [Input(Description = "The timespan to delay workflow execution.", DefaultValue = "00:01:00")]
    public Input<TimeSpan> TimeSpan { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var resumeAt = context.UtcNow + context.Get(TimeSpan);
        context.CreateTimer("Elsa.Delay", resumeAt, new JsonObject { ["resumeAt"] = JsonValues.ToJson(resumeAt) });
        return ValueTask.CompletedTask;
    }
}
