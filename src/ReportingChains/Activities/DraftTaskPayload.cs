using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Reports.Consolidation;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// What a drafting task carries for the inbox (besides the routing keys): the outline to write, the indicator table
/// with the children's sum and each child's value, the local-indicator rule, which children reported, their texts per
/// section, and the reasons the previous version was sent back. The draft's own content is not copied: the inbox form
/// reads it from the report, so it shows the latest save.
/// </summary>
/// <remarks>
/// Beyond <see cref="DraftReport.MaxChildDetailsInTask"/> reporting children (a national level over thousands of units) the per-child
/// values and texts are left out (<c>childDetailsOmitted</c>): the sums stay, the inbox item stays small, and the
/// children's detail is in the Consolidate outputs and the children's reports.
/// </remarks>
internal static class DraftTaskPayload
{

    public static JsonObject Build(PlanTemplate plan, LevelProvision level, string unitCode, string unitName, string drafter,
        Guid reportId, ConsolidatedReport? children, IReadOnlyList<ReportComment> reasons)
    {
        var totals = children?.Indicators.Concat(children.LocalIndicators).ToDictionary(t => t.Code, StringComparer.Ordinal);
        var details = children is not null && children.Reported.Count <= DraftReport.MaxChildDetailsInTask;
        return new JsonObject
        {
            ["kind"] = "RunTask",
            ["unitCode"] = drafter,
            ["role"] = "drafter",
            ["planId"] = plan.Id,
            ["levelKey"] = level.Key,
            ["levelName"] = level.Name,
            ["reportUnitCode"] = unitCode,
            ["reportUnitName"] = unitName,
            ["reportId"] = reportId.ToString(),
            ["outline"] = new JsonArray(plan.AllSections().Select(s => (JsonNode)new JsonObject
            {
                ["number"] = s.Number, ["label"] = s.DisplayLabel, ["title"] = s.Title, ["guidance"] = s.Guidance, ["required"] = s.Required,
                ["requiresStatistics"] = s.RequiresStatistics, ["depth"] = s.Number.Count(c => c == '.'),
            }).ToArray()),
            ["indicators"] = new JsonArray(plan.Indicators.Select(i => Indicator(i.Code, i.Name, i.Unit, i.Kind, i.Group, local: false, totals, details))
                .Concat(children?.LocalIndicators.Select(t => Indicator(t.Code, t.Name, t.Unit, t.Kind, null, local: true, totals, details)) ?? [])
                .ToArray()),
            ["localIndicators"] = new JsonObject { ["allowed"] = plan.LocalIndicators.Allowed, ["codePrefix"] = plan.LocalIndicators.CodePrefix },
            ["children"] = children is null ? null : new JsonObject
            {
                ["reported"] = new JsonArray(children.Reported.Select(r => (JsonNode)r.UnitCode).ToArray()),
                ["missing"] = new JsonArray(children.Missing.Select(m => (JsonNode)m.UnitCode).ToArray()),
            },
            ["childDetailsOmitted"] = children is not null && !details,
            ["childTexts"] = !details ? null : new JsonObject(children!.Sections.Where(s => s.Texts.Count > 0)
                .Select(s => KeyValuePair.Create(s.Section.Number, (JsonNode?)new JsonArray(s.Texts
                    .Select(t => (JsonNode)new JsonObject { ["unitCode"] = t.UnitCode, ["text"] = t.Text }).ToArray())))),
            ["reasons"] = new JsonArray(reasons.Select(r => (JsonNode)new JsonObject
            {
                ["kind"] = r.Kind.ToString(), ["author"] = r.Author, ["text"] = r.Text, ["at"] = r.AtUtc.ToString("O"),
            }).ToArray()),
        };
    }

    private static JsonNode Indicator(string code, string name, string unit, IndicatorKind kind, string? group, bool local,
        IReadOnlyDictionary<string, IndicatorTotal>? totals, bool details)
    {
        var total = totals?.GetValueOrDefault(code);
        return new JsonObject
        {
            ["code"] = code, ["name"] = name, ["unit"] = unit, ["kind"] = kind.ToString(), ["group"] = group, ["local"] = local,
            ["childrenSum"] = total is { ReportedBy: > 0 } ? total.Total : null,
            ["children"] = total is null || !details ? null : new JsonArray(total.Children
                .Select(c => (JsonNode)new JsonObject { ["unitCode"] = c.UnitCode, ["value"] = c.Value }).ToArray()),
        };
    }
}
