using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// A drafter's answer to a <c>WorkflowHost.DraftReport</c> task:
/// <c>{action: "save"|"submit", sections: {"&lt;number&gt;": "text"}, indicators: {"&lt;CODE&gt;": number},
/// localIndicators: [{code, name, unit, kind, value}]}</c>, directly or as the <c>data</c> of the inbox's
/// <c>{completedBy, comment, data}</c>. Unreadable parts are errors naming their field; they never throw.
/// </summary>
internal sealed record DraftAnswer(string Action, ReportDraft Draft, string By, IReadOnlyList<ReportError> Errors)
{
    public const string Save = "save";
    public const string Submit = "submit";

    /// <summary>Who answered when nobody is named (an answer through the engine API rather than the inbox).</summary>
    public const string UnnamedActor = "system";

    public static DraftAnswer Read(JsonNode? result)
    {
        var by = InboxCompletion.CompletedBy(result) ?? UnnamedActor;
        var answer = result is JsonObject o && !o.ContainsKey("action") && o["data"] is JsonObject data ? data : result as JsonObject;
        var errors = new List<ReportError>();
        if (answer is null)
            return new DraftAnswer("", ReportDraft.Empty, by, [Error("answer",
                "Câu trả lời phải là một đối tượng {action, sections, indicators, localIndicators}.")]);

        var action = Text(answer["action"])?.ToLowerInvariant() ?? "";
        if (action is not (Save or Submit))
            errors.Add(Error("action", $"Thao tác “{action}” không hợp lệ: dùng “save” (lưu nháp) hoặc “submit” (gửi trình tập thể)."));

        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (answer["sections"] is JsonObject sectionTexts)
        {
            foreach (var (number, text) in sectionTexts)
                if (text is JsonValue v && v.GetValueKind() == JsonValueKind.String) sections[number] = v.GetValue<string>();
                else if (text is not null) errors.Add(Error($"sections.{number}", $"Nội dung mục {number} phải là văn bản."));
        }
        else if (answer["sections"] is not null)
            errors.Add(Error("sections", "“sections” phải là đối tượng {số mục: nội dung}."));

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (answer["indicators"] is JsonObject indicators)
        {
            foreach (var (code, value) in indicators)
                ReadNumber(value, $"indicators.{code}", code, values, errors);
        }
        else if (answer["indicators"] is not null)
            errors.Add(Error("indicators", "“indicators” phải là đối tượng {mã chỉ tiêu: số}."));

        var locals = new List<LocalIndicatorDefinition>();
        if (answer["localIndicators"] is JsonArray localIndicators)
        {
            foreach (var item in localIndicators)
                ReadLocal(item, locals, values, errors);
        }
        else if (answer["localIndicators"] is not null)
            errors.Add(Error("localIndicators", "“localIndicators” phải là danh sách [{code, name, unit, kind, value}]."));

        return new DraftAnswer(action, new ReportDraft(sections, values, locals), by, errors);
    }

    private static void ReadLocal(JsonNode? item, List<LocalIndicatorDefinition> locals, Dictionary<string, decimal> values, List<ReportError> errors)
    {
        if (item is not JsonObject local || Text(local["code"]) is not { } code)
        {
            errors.Add(Error("localIndicators", "Mỗi chỉ tiêu bổ sung cần có mã (“code”)."));
            return;
        }
        var field = $"localIndicators.{code}";
        var kindText = Text(local["kind"]) ?? nameof(IndicatorKind.Count);
        if (!Enum.TryParse<IndicatorKind>(kindText, ignoreCase: true, out var kind))
        {
            errors.Add(Error(field, $"Loại của chỉ tiêu bổ sung “{code}” phải là Count (số lượng) hoặc Amount (số tiền), nhận được “{kindText}”."));
            return;
        }
        locals.Add(new LocalIndicatorDefinition(code, Text(local["name"]) ?? "", Text(local["unit"]) ?? "", kind));
        ReadNumber(local["value"], field, code, values, errors);
    }

    /// <summary>
    /// A number, or a string of one as a number field sends it ("-1234.5": digits, a point for decimals, no grouping —
    /// "1.250" could be read two ways, so a comma or a second point is refused rather than guessed). Empty = no value.
    /// </summary>
    private static void ReadNumber(JsonNode? node, string field, string code, Dictionary<string, decimal> values, List<ReportError> errors)
    {
        switch (node)
        {
            case null:
                return;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                // Through the text: a value built in memory keeps its CLR type (int, double), which TryGetValue<decimal> refuses.
                if (decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) values[code] = number;
                else errors.Add(Error(field, $"Giá trị của “{code}” quá lớn."));
                return;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>().Trim();
                if (text.Length == 0) return;
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var typed))
                    values[code] = typed;
                else
                    errors.Add(Error(field, $"Giá trị “{text}” của “{code}” không phải là số (viết liền, dùng dấu chấm cho phần thập phân, ví dụ 1250 hoặc 12.5)."));
                return;
            default:
                errors.Add(Error(field, $"Giá trị của “{code}” phải là số."));
                return;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } s && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : null;

    private static ReportError Error(string field, string message) => new(UnreadableAnswer, message, field);

    public const string UnreadableAnswer = "report.unreadable-answer";
}
