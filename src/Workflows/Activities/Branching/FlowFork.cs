using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Branching;

/// <summary>Elsa.FlowFork: completes at once with every branch name as outcome (default <c>Done</c>): parallel paths.</summary>
[Activity("Elsa", "Branching", "Branch execution into multiple parallel branches.", DisplayName = "Fork (flow)")]
public sealed class FlowFork : Activity
{
    [Input(Description = "The branches to schedule.", UIHint = "dynamic-outcomes", TypeName = "String[]")]
    public Input<List<string>> Branches { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = context.Get(Branches)?.Where(b => !string.IsNullOrWhiteSpace(b)).ToArray() ?? [];
        context.Complete(branches.Length == 0 ? ["Done"] : branches);
        return ValueTask.CompletedTask;
    }
}
