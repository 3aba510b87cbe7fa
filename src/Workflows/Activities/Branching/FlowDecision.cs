using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Branching;

/// <summary>Elsa.FlowDecision: evaluates <c>condition</c>; outcome <c>True</c> or <c>False</c>.</summary>
[Activity("Elsa", "Branching", "Evaluate a Boolean condition to determine which path to execute next.", DisplayName = "Decision")]
[FlowNode("True", "False")]
public sealed class FlowDecision : Activity
{
    [Input(Description = "The condition to evaluate.", UIHint = "singleline", DefaultValue = false)]
    public Input<bool> Condition { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(context.Get(Condition) ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
