using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>Elsa.SetVariable: assigns <c>value</c> to the variable referenced by <c>variable</c> (raw <c>{"id","name"}</c> or a name).</summary>
[Activity("Elsa", "Primitives", "Assign a value to a workflow variable.")]
public sealed class SetVariable : Activity
{
    [Input(Description = "The variable to assign the value to.", UIHint = "variable-picker", IsWrapped = false, TypeName = "Variable", IsRequired = true)]
    public Input<JsonNode> Variable { get; } = new();

    [Input(Description = "The value to assign.", TypeName = "Object")]
    public Input<JsonNode> Value { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var reference = VariableExpressionHandler.VariableReference(context.GetRaw(Variable))
            ?? throw new InvalidOperationException($"SetVariable '{context.ActivityId}' has no variable reference.");
        context.SetVariable(reference, context.Get(Value));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
