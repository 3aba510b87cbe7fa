using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Razor;
using WorkflowHost.Application.Inbox;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Pages.Inbox.Forms;

/// <summary>
/// Task-specific forms of the inbox. A task whose payload names it (<c>taskName</c>, set for every chain task) gets
/// the partial <c>Forms/_&lt;last segment of the name&gt;.cshtml</c> when one exists (<c>WorkflowHost.DraftReport</c> →
/// <c>_DraftReport.cshtml</c>), else the generic comment + JSON form. The posted fields of such a form become the answer's
/// <c>data</c> through the reader registered here under the same segment.
/// </summary>
public static class InboxForms
{
    private const string Folder = "/Pages/Inbox/Forms/";

    /// <summary>Posted form → the answer's <c>data</c>, by the last segment of the task name.</summary>
    private static readonly IReadOnlyDictionary<string, Func<IFormCollection, JsonObject>> Readers =
        new Dictionary<string, Func<IFormCollection, JsonObject>>(StringComparer.Ordinal)
        {
            ["DraftReport"] = DraftReportForm.Answer,
            ["CastVote"] = ApprovalForms.CastVoteAnswer,
            ["ReceiveReport"] = ApprovalForms.ReceiveReportAnswer,
            ["ReportTaskProgress"] = PlanTaskForms.ProgressAnswer,
        };

    public static string? TaskNameOf(InboxItemDto item) => Text(Payload(item), "taskName");

    /// <summary>The partial's path for this item's task, or null for the generic form.</summary>
    public static string? PartialFor(InboxItemDto item, IRazorViewEngine views)
    {
        var segment = Segment(TaskNameOf(item));
        if (segment is null) return null;
        var path = $"{Folder}_{segment}.cshtml";
        return views.GetView(executingFilePath: null, viewPath: path, isMainPage: false).Success ? path : null;
    }

    /// <summary>The answer data of a task form, or null when the task has no form reader.</summary>
    public static JsonObject? Answer(InboxItemDto item, IFormCollection form) =>
        Segment(TaskNameOf(item)) is { } segment && Readers.TryGetValue(segment, out var read) ? read(form) : null;

    public static JsonObject? Payload(InboxItemDto item) =>
        item.PayloadJson is null ? null : JsonNode.Parse(item.PayloadJson) as JsonObject;

    /// <summary>
    /// Why the task's last answer was refused, as its activity recorded it (outputs <c>Error</c> and <c>Errors</c>);
    /// empty when the last answer was accepted or the engine is not registered.
    /// </summary>
    public static async Task<TaskRefusal> LastRefusalAsync(InboxItemDto item, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Text(Payload(item), "activityId") is not { } activityId || services.GetService<IWorkflowStateStore>() is not { } store)
            return TaskRefusal.None;
        var instance = await store.GetInstanceAsync(item.WorkflowInstanceId, cancellationToken);
        if (instance?.Properties["activityOutputs"]?[activityId] is not JsonObject outputs || Text(outputs, "Error") is not { } message)
            return TaskRefusal.None;
        var fields = (outputs["Errors"] as JsonArray)?.OfType<JsonObject>()
            .Select(e => new FieldError(Text(e, "field"), Text(e, "message") ?? "")).ToList() ?? [];
        return new TaskRefusal(message, fields);
    }

    private static string? Segment(string? taskName) =>
        taskName is null ? null : taskName[(taskName.LastIndexOf('.') + 1)..] is { Length: > 0 } segment && segment.All(char.IsLetterOrDigit) ? segment : null;

    private static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>()) ? v.GetValue<string>() : null;
}

public sealed record FieldError(string? Field, string Message);

/// <summary>The activity's reasons for refusing the last answer to a task.</summary>
public sealed record TaskRefusal(string? Message, IReadOnlyList<FieldError> Errors)
{
    public static TaskRefusal None { get; } = new(null, []);
    public bool IsRefused => Message is not null;

    public IEnumerable<string> MessagesFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);
}
