using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Looping;

/// <summary>
/// Elsa.Break: ends the nearest enclosing loop (<see cref="ILoopActivity"/>: ForEach, While); the flow continues after
/// the loop. Outside a loop it is an incident naming the activity (Elsa would leave the signal unhandled).
/// </summary>
[Activity("Elsa", "Looping", "Break out of a loop.", IsTerminal = true)]
public sealed class Break : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.BreakLoop();
        return ValueTask.CompletedTask;
    }
}
