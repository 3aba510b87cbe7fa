using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Flow;

/// <summary>Elsa.Sequence: runs its <c>activities</c> one after another.</summary>
[Activity("Elsa", "Workflows", "Execute a set of activities in sequence.")]
public sealed class Sequence : Activity
{
    public EmbeddedPort Activities { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ScheduleAt(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        ScheduleAt(context, int.Parse(child.Tag!) + 1);
        return ValueTask.CompletedTask;
    }

    private void ScheduleAt(ActivityExecutionContext context, int index)
    {
        var children = context.GetChildren(Activities);
        if (index >= children.Count) context.Complete();
        else context.ScheduleChild(children[index], tag: index.ToString());
    }
}
