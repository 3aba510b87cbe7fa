using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Branching;

/// <summary>How a FlowJoin merges its inbound branches (§7.3).</summary>
public enum FlowJoinMode { WaitAll, WaitAllActive, WaitAny }

/// <summary>
/// Elsa.FlowJoin: merges branches. The waiting itself is the flowchart's rule (see <see cref="Flow.Flowchart"/>);
/// once scheduled the join simply completes.
/// </summary>
[Activity("Elsa", "Branching", "Merge multiple branches into a single branch of execution.", DisplayName = "Join")]
public sealed class FlowJoin : Activity
{
    [Input(Description = "WaitAll: every inbound branch must arrive; WaitAllActive: every branch that was taken; WaitAny: the first one (the others are cancelled).",
        DefaultValue = FlowJoinMode.WaitAny)]
    public Input<FlowJoinMode> Mode { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
