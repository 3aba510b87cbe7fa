using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Human tasks of the chain activities, in Elsa.RunTask's shape: a bookmark named <c>Elsa.RunTask</c> keyed by the
/// task id plus a <see cref="RunTaskRequested"/> notification in the same commit, so the inbox lists them with the
/// RunTask ones and <c>IWorkflowRuntime.CompleteTaskAsync(taskId, result)</c> answers them. The payload carries the
/// inbox routing keys: <c>kind</c>, <c>unitCode</c> (whose inbox), <c>role</c>, <c>title</c>, <c>description</c>, <c>dueAt</c>,
/// plus <c>taskName</c> (the inbox picks the task's form by it) and <c>activityId</c> (whose outputs, e.g. <c>Error</c>,
/// tell the form why an answer was refused).
/// </summary>
internal static class HumanTasks
{
    public const string ChooseDeadline = "WorkflowHost.ChooseDeadline";
    public const string UrgeUnit = "WorkflowHost.UrgeUnit";

    public static string Request(ActivityExecutionContext context, string taskName, JsonObject payload)
    {
        var taskId = Ids.New();
        payload["taskName"] ??= taskName;
        payload["activityId"] ??= context.ActivityId;
        Wait(context, taskId, taskName);
        context.Publish(new RunTaskRequested(taskId, taskName, payload, context.WorkflowInstanceId, context.DefinitionId,
            context.DefinitionVersionId, context.ActivityId, context.NodeId, context.Id, context.CorrelationId, context.UtcNow));
        return taskId;
    }

    /// <summary>Keeps (or puts back) the task open: a resumption consumes the bookmark, a refused answer re-creates it.</summary>
    public static void Wait(ActivityExecutionContext context, string taskId, string taskName) =>
        context.CreateBookmark(BookmarkNames.RunTask, taskId, new JsonObject { ["taskId"] = taskId, ["taskName"] = taskName });

    /// <summary>An answer was accepted: the task is done (the inbox marks its item done in this same commit).</summary>
    public static void Accepted(ActivityExecutionContext context, BookmarkResumption resumption) =>
        context.Publish(new RunTaskCompleted(resumption.Bookmark.Payload!["taskId"]!.GetValue<string>(),
            context.WorkflowInstanceId, context.ActivityId, Result(resumption)?.DeepClone(), context.UtcNow));

    public static bool IsTask(BookmarkResumption resumption) => resumption.Bookmark.Name == BookmarkNames.RunTask;

    /// <summary>The answer given to <c>CompleteTaskAsync</c>.</summary>
    public static JsonNode? Result(BookmarkResumption resumption) => resumption.Input["RunTaskInput"];

    /// <summary>
    /// The value named <paramref name="key"/> in an answer: the answer itself when it is a plain value,
    /// <c>{key: …}</c>, or the inbox's <c>{completedBy, comment, data}</c> whose <c>data</c> is the value or <c>{key: …}</c>.
    /// </summary>
    public static JsonNode? Answer(JsonNode? result, string key) => result switch
    {
        JsonObject o when o.ContainsKey(key) => o[key],
        JsonObject o when o.ContainsKey("data") => Answer(o["data"], key),
        _ => result,
    };
}
