using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.Workflows.Notifications;

namespace WorkflowHost.ReportingChains.Inbox;

/// <summary>
/// Keeps the inbox in step with the engine's RunTask activities: an item per requested task, done when the task is
/// completed, cancelled when its instance ends first. The handlers run inside the engine's commit and only add or
/// change tracked rows — the commit saves them with the instance, so the inbox and the engine never disagree.
/// </summary>
public sealed class RunTaskInbox(IInboxItemRepository items, TimeProvider time) :
    INotificationHandler<RunTaskRequested>,
    INotificationHandler<RunTaskCompleted>,
    INotificationHandler<WorkflowFinished>
{
    public async Task Handle(RunTaskRequested task, CancellationToken cancellationToken)
    {
        if (await items.FindByTaskIdAsync(task.TaskId, cancellationToken) is not null)
            return; // the same commit published twice (a retried burst): one item per task
        var routing = RunTaskRouting.Read(task.Payload);
        items.Add(InboxItem.Open(task.TaskId, task.WorkflowInstanceId, task.WorkflowDefinitionId, routing.Kind,
            routing.Title ?? task.TaskName, routing.Description, routing.UnitCode, routing.Role, routing.Assignees,
            task.Payload?.ToJsonString(), task.RequestedAt, routing.DueAt));
    }

    public async Task Handle(RunTaskCompleted completed, CancellationToken cancellationToken)
    {
        var item = await items.FindByTaskIdAsync(completed.TaskId, cancellationToken);
        item?.MarkDone(InboxCompletion.CompletedBy(completed.Result), completed.CompletedAt,
            completed.Result?.ToJsonString());
    }

    public async Task Handle(WorkflowFinished finished, CancellationToken cancellationToken)
    {
        foreach (var item in await items.ListOpenOfInstanceAsync(finished.WorkflowInstanceId, cancellationToken))
            item.Cancel(time.GetUtcNow());
    }
}

/// <summary>
/// The routing a workflow gives a RunTask in its payload (documented in README.md): every key optional, unknown keys
/// kept in the payload for the detail view.
/// </summary>
public sealed record RunTaskRouting(string Kind, string? Title, string? Description, string? UnitCode, string? Role,
    IReadOnlyList<string> Assignees, DateTimeOffset? DueAt)
{
    public static RunTaskRouting Read(JsonObject? payload) => new(
        Text(payload, "kind") ?? InboxItemKinds.RunTask,
        Text(payload, "title"),
        Text(payload, "description"),
        Text(payload, "unitCode"),
        Text(payload, "role"),
        Assigned(payload?["assignees"]),
        Due(Text(payload, "dueAt")));

    private static string? Text(JsonObject? payload, string key) =>
        payload?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static IReadOnlyList<string> Assigned(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
            .Select(v => v.GetValue<string>()).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            value.GetValue<string>().Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    /// <summary>An ISO 8601 instant (an offset-less one is read as Vietnam time), or a date meaning the end of that
    /// day in Vietnam; anything else is ignored rather than failing the workflow's commit.</summary>
    private static DateTimeOffset? Due(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return VietnamTime.EndOfDay(day);
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return VietnamTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        return null;
    }
}

/// <summary>The result the inbox hands to the engine when a user completes a task.</summary>
public static class InboxCompletion
{
    public const string CompletedByKey = "completedBy";
    public const string CommentKey = "comment";
    public const string DataKey = "data";

    public static JsonObject Result(string completedBy, string? comment, JsonNode? data) => new()
    {
        [CompletedByKey] = completedBy,
        [CommentKey] = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        [DataKey] = data?.DeepClone(),
    };

    /// <summary>Who completed the task, when it was completed through the inbox (null through the engine's API).</summary>
    public static string? CompletedBy(JsonNode? result) =>
        result is JsonObject o && o[CompletedByKey] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;
}
