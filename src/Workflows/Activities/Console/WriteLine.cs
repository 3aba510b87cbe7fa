using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Console;

/// <summary>Elsa.WriteLine: writes its text to the log and to the journal (message of the Completed entry).</summary>
[Activity("Elsa", "Console", "Write a line of text to the console.")]
public sealed class WriteLine : Activity
{
    [Input(Description = "The text to write.")]
    public Input<string> Text { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var text = context.Get(Text);
        context.Logger.LogInformation("WriteLine {ActivityId} in workflow instance {InstanceId}: {Text}", context.ActivityId, context.WorkflowInstanceId, text);
        context.SetJournalMessage(text);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
