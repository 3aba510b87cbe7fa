using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkflowHost.Pages.Inbox.Forms;

/// <summary>Báo cáo tiến độ nhiệm vụ: what the form of a <c>WorkflowHost.ReportTaskProgress</c> task shows and sends.</summary>
public static class PlanTaskForms
{
    public const string TargetField = "target:";

    public sealed record TargetRow(string Code, string Name, string? Unit, string? Goal);

    /// <summary>The plan's targets as the task lists them (code, name, unit, the goal as written).</summary>
    public static IReadOnlyList<TargetRow> Targets(JsonObject payload) =>
        (payload["targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => new TargetRow(
            Text(t, "code") ?? "", Text(t, "name") ?? "", Text(t, "unit"),
            t["value"] is null ? null : $"{Text(t, "comparison")} {t["value"]!.ToJsonString()}{(Text(t, "year") is { } year ? $" ({year})" : "")}"))
        .Where(t => t.Code.Length > 0).ToList();

    /// <summary>
    /// The answer <c>{action, text, targets}</c>. A value is sent as a number when it reads as one (a decimal comma or
    /// point); anything else is sent as typed, so the activity refuses it naming the target and nothing is guessed.
    /// </summary>
    public static JsonObject ProgressAnswer(Microsoft.AspNetCore.Http.IFormCollection form)
    {
        var targets = new JsonObject();
        foreach (var key in form.Keys.Where(k => k.StartsWith(TargetField, StringComparison.Ordinal)))
        {
            var typed = form[key].ToString().Trim();
            if (typed.Length == 0) continue;
            targets[key[TargetField.Length..]] = decimal.TryParse(typed.Replace(',', '.'),
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(typed);
        }
        return new JsonObject { ["action"] = form["action"].ToString(), ["text"] = form["text"].ToString(), ["targets"] = targets };
    }

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : node[key]?.ToJsonString();
}
