using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>Elsa.SetOutput: sets a workflow output (what a parent's ExecuteWorkflow/DispatchWorkflow receives).</summary>
[Activity("Elsa", "Primitives", "Set the value of a workflow output.", DisplayName = "Set Output")]
public sealed class SetOutput : Activity
{
    [Input(Description = "The workflow output to set.", UIHint = "output-picker", IsRequired = true)]
    public Input<string> OutputName { get; } = new();

    [Input(Description = "The value to set.", TypeName = "Object")]
    public Input<JsonNode> OutputValue { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetWorkflowOutput(context.Get(OutputName)!, context.Get(OutputValue));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
