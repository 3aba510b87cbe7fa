using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// A resolved deadline as it travels between activities and down the chain (the <c>deadline</c> workflow input of a
/// child, the <c>Resolved</c> output of <see cref="Deadline"/>):
/// <c>{"rule": {kind…}, "ruleText": "trước ngày 30/9/2022", "lastDay": "2022-09-29", "dueUtc": "2022-09-29T17:00:00+00:00", "displayText": "hết ngày 29/09/2022"}</c>.
/// </summary>
public static class DeadlineValue
{
    public static JsonObject ToJson(ResolvedDeadline deadline)
    {
        var json = new JsonObject
        {
            ["rule"] = JsonNode.Parse(DeadlineJson.Serialize(deadline.Rule)),
            ["ruleText"] = deadline.Rule.Describe(),
            ["lastDay"] = deadline.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dueUtc"] = deadline.DueUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["displayText"] = deadline.DisplayText,
        };
        if (deadline.WindowStart is { } start) json["windowStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return json;
    }

    /// <summary>True when <paramref name="node"/> is an already resolved deadline (it carries <c>dueUtc</c>).</summary>
    public static bool IsResolved(JsonNode? node) => node is JsonObject obj && obj.ContainsKey("dueUtc");

    /// <summary>Reads a resolved deadline written by <see cref="ToJson"/>.</summary>
    public static ResolvedDeadline FromJson(JsonObject json, string field)
    {
        try
        {
            var rule = DeadlineJson.Deserialize(json["rule"]!.ToJsonString());
            var lastDay = DateOnly.ParseExact(json["lastDay"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var due = DateTimeOffset.Parse(json["dueUtc"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            DateOnly? windowStart = json["windowStart"] is JsonValue w
                ? DateOnly.ParseExact(w.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            return new ResolvedDeadline(rule, lastDay, due.ToUniversalTime(), windowStart);
        }
        catch (Exception e) when (e is NullReferenceException or FormatException or InvalidOperationException or DeadlineRuleException)
        {
            throw new ActivityInputException(field,
                $"Thời hạn đã tính ở \"{field}\" không đọc được (cần rule, lastDay, dueUtc).",
                $"{field}: the resolved deadline cannot be read (it needs rule, lastDay and dueUtc): {e.Message}");
        }
    }

    /// <summary>
    /// Reads a deadline input that is a Vietnamese phrase ("trước ngày 30/9/2022"), a <see cref="DeadlineRule"/> as
    /// JSON (object or JSON text) or — returned as <paramref name="resolved"/> — an already resolved deadline.
    /// </summary>
    public static DeadlineRule ReadRule(JsonNode? node, string field, out ResolvedDeadline? resolved)
    {
        resolved = null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            text = text.Trim();
            if (text.Length == 0) throw Missing(field);
            if (!text.StartsWith('{')) return WithField(field, () => DeadlinePhraseParser.Parse(text));
            try { node = JsonNode.Parse(text); }
            catch (JsonException e)
            {
                throw new ActivityInputException(field, $"\"{field}\" không phải JSON hợp lệ: {e.Message}", $"{field}: invalid JSON: {e.Message}");
            }
        }
        if (node is not JsonObject obj) throw Missing(field);
        if (IsResolved(obj))
        {
            resolved = FromJson(obj, field);
            return resolved.Rule;
        }
        return WithField(field, () => DeadlineJson.Deserialize(obj.ToJsonString()));
    }

    private static DeadlineRule WithField(string field, Func<DeadlineRule> read)
    {
        try
        {
            var rule = read();
            rule.Validate();
            return rule;
        }
        catch (DeadlineRuleException e)
        {
            throw new ActivityInputException(field, $"{field}: {e.VietnameseMessage}", $"{field}: {e.Message}");
        }
    }

    private static ActivityInputException Missing(string field) =>
        new(field, $"Thiếu thời hạn \"{field}\" (cụm từ như \"trước ngày 30/9/2022\" hoặc quy tắc JSON).",
            $"{field}: a deadline is required (a phrase such as \"trước ngày 30/9/2022\" or a rule as JSON).");
}
