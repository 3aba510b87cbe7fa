using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>Elsa.Correlate: sets the instance's correlation id (events and queries can then target it).</summary>
[Activity("Elsa", "Primitives", "Set the CorrelationId of the workflow to a given value.")]
public sealed class Correlate : Activity
{
    [Input(Description = "An expression evaluating to the value to use as correlation id.", IsRequired = true)]
    public Input<string> CorrelationId { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CorrelationId = context.Get(CorrelationId);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
