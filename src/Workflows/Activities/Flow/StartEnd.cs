using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Flow;

/// <summary>Elsa.Start: marks where a flowchart starts (§7.2).</summary>
[Activity("Elsa", "Flow", "A milestone activity that marks the start of a flowchart.", IsStart = true)]
public sealed class Start : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Elsa.End: completes the enclosing flowchart; whatever else still runs inside it is cancelled.</summary>
[Activity("Elsa", "Flow", "A milestone activity that marks the end of a flowchart.", IsTerminal = true)]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CompleteParentFlowchart();
        context.CompleteWithoutOutcome();
        return ValueTask.CompletedTask;
    }
}
