using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>Elsa.Finish: ends the workflow as Finished; everything still running is cancelled.</summary>
[Activity("Elsa", "Primitives", "Mark the workflow as finished.", IsTerminal = true)]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        context.CompleteWithoutOutcome();
        return ValueTask.CompletedTask;
    }
}
