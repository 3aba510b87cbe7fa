using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>
/// Elsa.RunTask (§7.4): creates a task id, suspends on a bookmark keyed by that id and publishes
/// <see cref="RunTaskRequested"/> in the same commit. <c>IWorkflowRuntime.CompleteTaskAsync(taskId, result)</c>
/// resumes it: <c>Result</c> = the result, outcome <c>Done</c>.
/// </summary>
[Activity("Elsa", "Primitives", "Runs a task and waits for its completion.", DisplayName = "Run Task")]
public sealed class RunTask : Activity
{
    [Input(Description = "The name of the task being requested.", IsRequired = true)]
    public Input<string> TaskName { get; } = new();

    [Input(Description = "Any additional parameters to send to the task.", UIHint = "json-editor", TypeName = "ObjectDictionary")]
    public Input<JsonObject> Payload { get; } = new();

    [Output(Description = "The ID of the task that was requested.")]
    public Output<string> TaskId { get; } = new();

    [Output(Description = "The result returned when the task was completed.", TypeName = "Object")]
    public Output<JsonNode> Result { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var taskId = Ids.New();
        var taskName = context.Get(TaskName) ?? "";
        var payload = context.Get(Payload);
        context.Set(TaskId, taskId);
        context.CreateBookmark(BookmarkNames.RunTask, taskId, new JsonObject { ["taskId"] = taskId, ["taskName"] = taskName });
        context.Publish(new RunTaskRequested(taskId, taskName, payload, context.WorkflowInstanceId,
            context.DefinitionId, context.DefinitionVersionId, context.ActivityId,
            context.NodeId, context.Id, context.CorrelationId, context.UtcNow));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.Set(Result, resumption.Input["RunTaskInput"]);
        if (resumption.Bookmark.Payload?["taskId"]?.GetValue<string>() is { } taskId)
            context.Publish(new RunTaskCompleted(taskId, context.WorkflowInstanceId, context.ActivityId,
                resumption.Input["RunTaskInput"]?.DeepClone(), context.UtcNow));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
