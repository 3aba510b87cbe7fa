using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Flow;

public enum ForkJoinMode { WaitAll, WaitAny }

/// <summary>
/// Elsa.Fork: schedules all <c>branches</c> at once; completes when all completed (WaitAll) or on the first (WaitAny,
/// the remaining branches are cancelled). Not browsable: flowcharts use FlowFork/FlowJoin.
/// </summary>
[Activity("Elsa", "Flow", "Branch execution into multiple branches.", IsBrowsable = false)]
public sealed class Fork : Activity
{
    [Input(Description = "Wait for all branches, or for the first one.", DefaultValue = ForkJoinMode.WaitAll)]
    public Input<ForkJoinMode> JoinMode { get; } = new();

    public EmbeddedPort Branches { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = context.GetChildren(Branches);
        if (branches.Count == 0) context.Complete();
        foreach (var branch in branches) context.ScheduleChild(branch);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        if (context.Get(JoinMode) == ForkJoinMode.WaitAny || context.ActiveChildren.Count == 0) context.Complete();
        return ValueTask.CompletedTask;
    }
}
