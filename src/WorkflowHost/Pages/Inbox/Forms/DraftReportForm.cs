using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Pages.Inbox.Forms;

/// <summary>
/// The drafting form of a <c>WorkflowHost.DraftReport</c> task: one text per outline section, the indicator table with
/// the children's sum and each child's value beside the unit's own value, the unit's own indicators when the plan
/// allows them. Shown from the report as last saved, or — after a refused answer — from what was just posted, so nothing
/// typed is lost. Field names: <c>s:&lt;section number&gt;</c>, <c>i:&lt;indicator code&gt;</c>, and the repeated
/// <c>l.code</c>, <c>l.name</c>, <c>l.unit</c>, <c>l.kind</c>, <c>l.value</c> of local indicator rows.
/// </summary>
public sealed class DraftReportForm
{
    public const string SaveAction = "save";
    public const string SubmitAction = "submit";
    private const string SectionPrefix = "s:";
    private const string IndicatorPrefix = "i:";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public sealed record Section(string Number, string Label, string Title, string? Guidance, bool Required, int Depth, string Text,
        IReadOnlyList<ChildText> ChildTexts)
    {
        public string FieldName => SectionPrefix + Number;
        public string ErrorKey => "sections." + Number;
    }

    public sealed record ChildText(string UnitCode, string Text);

    public sealed record ChildFigure(string UnitCode, string Value);

    public sealed record IndicatorRow(string Code, string Name, string Unit, string? Group, string? ChildrenSum, IReadOnlyList<ChildFigure> Children, string Value)
    {
        public string FieldName => IndicatorPrefix + Code;
        public string ErrorKey => "indicators." + Code;
    }

    public sealed record LocalRow(string Code, string Name, string Unit, string Kind, string Value, string? ChildrenSum)
    {
        public string ErrorKey => "localIndicators." + Code;
    }

    public required string UnitName { get; init; }
    public required int? Version { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyList<IndicatorRow> Indicators { get; init; }
    public required IReadOnlyList<LocalRow> LocalIndicators { get; init; }
    public required bool LocalIndicatorsAllowed { get; init; }
    public required string? LocalCodePrefix { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required IReadOnlyList<string> Reported { get; init; }
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>The form of the task whose payload is <paramref name="payload"/>: content from <paramref name="posted"/> when
    /// given (a refused answer shown again), else from the report's current version.</summary>
    public static async Task<DraftReportForm> BuildAsync(JsonObject payload, string workflowInstanceId, IReportRepository reports,
        IFormCollection? posted, CancellationToken cancellationToken)
    {
        var planId = Text(payload, "planId") ?? "";
        var unitCode = Text(payload, "reportUnitCode") ?? "";
        var report = await reports.FindForInstanceAsync(planId, workflowInstanceId, unitCode, cancellationToken);
        var current = report?.Current;
        var childTexts = payload["childTexts"] as JsonObject;

        var sections = Objects(payload["outline"]).Select(s =>
        {
            var number = Text(s, "number")!;
            var text = posted is not null ? (string?)posted[SectionPrefix + number] : current?.TextOf(number);
            return new Section(number, Text(s, "label") ?? number, Text(s, "title") ?? "", Text(s, "guidance"), Bool(s, "required"),
                s["depth"]?.GetValue<int>() ?? 0, text ?? "",
                Objects(childTexts?[number]).Select(c => new ChildText(Text(c, "unitCode") ?? "", Text(c, "text") ?? "")).ToList());
        }).ToList();

        var payloadIndicators = Objects(payload["indicators"]).ToList();
        var indicators = payloadIndicators.Where(i => !Bool(i, "local")).Select(i =>
        {
            var code = Text(i, "code")!;
            var value = posted is not null ? (string?)posted[IndicatorPrefix + code] : Show(current?.ValueOf(code));
            return new IndicatorRow(code, Text(i, "name") ?? code, Text(i, "unit") ?? "", Text(i, "group"), Display(i["childrenSum"]),
                Objects(i["children"]).Select(c => new ChildFigure(Text(c, "unitCode") ?? "", Display(c["value"]) ?? "—")).ToList(), value ?? "");
        }).ToList();

        var childLocalSums = payloadIndicators.Where(i => Bool(i, "local")).ToDictionary(i => Text(i, "code")!, i => Display(i["childrenSum"]));
        var locals = posted is not null
            ? PostedLocals(posted).Select(l => new LocalRow(l.Code, l.Name, l.Unit, l.Kind, l.Value, childLocalSums.GetValueOrDefault(l.Code))).ToList()
            : (current?.LocalIndicators ?? []).Select(l => new LocalRow(l.Code, l.Name, l.Unit, l.Kind.ToString(), Show(current!.ValueOf(l.Code)) ?? "",
                childLocalSums.GetValueOrDefault(l.Code))).ToList();

        return new DraftReportForm
        {
            UnitName = Text(payload, "reportUnitName") ?? unitCode,
            Version = current?.Number,
            Sections = sections,
            Indicators = indicators,
            LocalIndicators = locals,
            LocalIndicatorsAllowed = payload["localIndicators"] is JsonObject policy && Bool(policy, "allowed"),
            LocalCodePrefix = (payload["localIndicators"] as JsonObject) is { } p ? Text(p, "codePrefix") : null,
            Reasons = report is { Current.Status: ReportStatus.Draft } ? report.ReasonsToRevise.Select(r => r.Text).ToList()
                : Objects(payload["reasons"]).Select(r => Text(r, "text") ?? "").ToList(),
            Reported = Strings(payload["children"]?["reported"]),
            Missing = Strings(payload["children"]?["missing"]),
        };
    }

    /// <summary>The posted fields as the DraftReport answer <c>{action, sections, indicators, localIndicators}</c>.
    /// Numbers are passed as typed; the activity reads them and names any it cannot.</summary>
    public static JsonObject Answer(IFormCollection form)
    {
        var sections = new JsonObject();
        var indicators = new JsonObject();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith(SectionPrefix, StringComparison.Ordinal)) sections[key[SectionPrefix.Length..]] = value.ToString();
            else if (key.StartsWith(IndicatorPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value)) indicators[key[IndicatorPrefix.Length..]] = value.ToString().Trim();
        }
        var locals = new JsonArray(PostedLocals(form).Select(l => (JsonNode)new JsonObject
        {
            ["code"] = l.Code, ["name"] = l.Name, ["unit"] = l.Unit, ["kind"] = l.Kind, ["value"] = string.IsNullOrWhiteSpace(l.Value) ? null : l.Value.Trim(),
        }).ToArray());
        return new JsonObject
        {
            ["action"] = (string?)form["action"] == SubmitAction ? SubmitAction : SaveAction,
            ["sections"] = sections, ["indicators"] = indicators, ["localIndicators"] = locals,
        };
    }

    private static IEnumerable<(string Code, string Name, string Unit, string Kind, string Value)> PostedLocals(IFormCollection form)
    {
        StringValues codes = form["l.code"], names = form["l.name"], units = form["l.unit"], kinds = form["l.kind"], values = form["l.value"];
        for (var i = 0; i < codes.Count; i++)
            if (!string.IsNullOrWhiteSpace(codes[i]))
                yield return (codes[i]!.Trim(), At(names, i), At(units, i), At(kinds, i) is { Length: > 0 } kind ? kind : "Count", At(values, i));
    }

    private static string At(StringValues values, int index) => index < values.Count ? values[index]?.Trim() ?? "" : "";

    /// <summary>An own value as the number input expects it (invariant, no grouping).</summary>
    private static string? Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure to read, the Vietnamese way (1.234.568,5).</summary>
    private static string? Display(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("#,0.##########", Vietnamese)
            : null;

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray)?.OfType<JsonObject>() ?? [];

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList() ?? [];

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
