using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>An indicator a level adds to the plan's appendix; its code carries the plan's local prefix ("DP-…").</summary>
public sealed record LocalIndicatorDefinition(string Code, string Name, string Unit, IndicatorKind Kind);

/// <summary>
/// What the drafter edits: one text per outline section, the value of each indicator (or target) by code, and the
/// unit's own indicators. Saving a draft replaces the content of the current version with it.
/// </summary>
public sealed record ReportDraft(
    IReadOnlyDictionary<string, string> SectionTexts,
    IReadOnlyDictionary<string, decimal> IndicatorValues,
    IReadOnlyList<LocalIndicatorDefinition> LocalIndicators)
{
    public static ReportDraft Empty { get; } = new(
        new Dictionary<string, string>(), new Dictionary<string, decimal>(), []);
}
