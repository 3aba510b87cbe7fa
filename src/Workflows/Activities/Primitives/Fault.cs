using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>Raised by Elsa.Fault: becomes an incident on that activity (and faults the workflow under the default strategy).</summary>
public sealed class WorkflowFaultException(string? code, string? category, string? faultType, string message) : Exception(message)
{
    public string? Code { get; } = code;
    public string? Category { get; } = category;
    public string? FaultType { get; } = faultType;
}

/// <summary>Elsa.Fault: faults the activity with a code, category, type and message.</summary>
[Activity("Elsa", "Primitives", "Faults the workflow.")]
public sealed class Fault : Activity
{
    [Input(Description = "Code to categorize the fault.")] public Input<string> Code { get; } = new();
    [Input(Description = "Category of the fault.")] public Input<string> Category { get; } = new();
    [Input(Description = "The type of fault.")] public Input<string> FaultType { get; } = new();
    [Input(Description = "The message of the fault.")] public Input<string> Message { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new WorkflowFaultException(context.Get(Code), context.Get(Category), context.Get(FaultType),
            context.Get(Message) ?? $"Fault activity '{context.ActivityId}' faulted the workflow.");
}
