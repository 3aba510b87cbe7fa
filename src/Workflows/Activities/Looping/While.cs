using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Looping;

/// <summary>Elsa.While: runs <c>body</c> again and again while <c>condition</c> (evaluated before each round) is true.</summary>
[Activity("Elsa", "Looping", "Execute an activity while a given condition evaluates to true.")]
public sealed class While : Activity, ILoopActivity
{
    [Input(Description = "The condition to evaluate.", IsRequired = true)]
    public Input<bool> Condition { get; } = new();

    public EmbeddedPort Body { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        Next(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        Next(context, int.Parse(child.Tag!) + 1);
        return ValueTask.CompletedTask;
    }

    private void Next(ActivityExecutionContext context, int round)
    {
        var body = context.GetChildren(Body).FirstOrDefault();
        // Re-evaluated each round (the inputs evaluated at the start hold only the first value).
        if (body is null || !context.EvaluateInputOf<bool>(context.Node, Condition.Name))
        {
            context.Complete();
            return;
        }
        context.ScheduleChild(body, tag: round.ToString());
    }
}
