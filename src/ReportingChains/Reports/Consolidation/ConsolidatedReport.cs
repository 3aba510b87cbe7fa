using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports.Consolidation;

/// <summary>A child whose accepted version is counted.</summary>
public sealed record ReportedChild(string UnitCode, Guid ReportId, int VersionNumber, ReportStatus Status);

/// <summary>An expected child without an approved or received version; <see cref="LatestStatus"/> null = no report yet.</summary>
public sealed record MissingChild(string UnitCode, ReportStatus? LatestStatus);

/// <summary>One child's value beside a total; null when the child left the indicator empty.</summary>
public sealed record ChildValue(string UnitCode, decimal? Value);

/// <summary>An indicator's total over the reported children, with each child's value.</summary>
public sealed record IndicatorTotal(
    string Code, string Name, string Unit, IndicatorKind Kind, string? Group, decimal Total,
    IReadOnlyList<ChildValue> Children)
{
    /// <summary>How many children gave a value.</summary>
    public int ReportedBy => Children.Count(c => c.Value is not null);
}

/// <summary>A local indicator code the children defined differently (name, unit or kind): not summed.</summary>
public sealed record LocalIndicatorConflict(string Code, IReadOnlyList<(string UnitCode, LocalIndicatorDefinition Definition)> Definitions);

public sealed record ChildText(string UnitCode, string Text);

/// <summary>The children's texts for one outline section, side by side, to draft the unit's own text from.</summary>
public sealed record SectionTexts(OutlineSection Section, IReadOnlyList<ChildText> Texts);

/// <summary>
/// What the receiving level works from: indicator totals over the children's accepted versions (exact decimal sums),
/// who reported and who is missing, and the children's section texts side by side.
/// </summary>
public sealed class ConsolidatedReport
{
    internal ConsolidatedReport(string planId, IReadOnlyList<ReportedChild> reported, IReadOnlyList<MissingChild> missing,
        IReadOnlyList<IndicatorTotal> indicators, IReadOnlyList<IndicatorTotal> localIndicators,
        IReadOnlyList<LocalIndicatorConflict> localIndicatorConflicts, IReadOnlyList<SectionTexts> sections,
        IReadOnlyList<string> ignoredUnits)
    {
        PlanId = planId;
        Reported = reported;
        Missing = missing;
        Indicators = indicators;
        LocalIndicators = localIndicators;
        LocalIndicatorConflicts = localIndicatorConflicts;
        Sections = sections;
        IgnoredUnits = ignoredUnits;
    }

    public string PlanId { get; }
    public IReadOnlyList<ReportedChild> Reported { get; }
    public IReadOnlyList<MissingChild> Missing { get; }

    /// <summary>Every indicator of the plan's appendix, in the plan's order.</summary>
    public IReadOnlyList<IndicatorTotal> Indicators { get; }

    /// <summary>The children's own indicators, summed by code where all children define the code alike.</summary>
    public IReadOnlyList<IndicatorTotal> LocalIndicators { get; }

    public IReadOnlyList<LocalIndicatorConflict> LocalIndicatorConflicts { get; }

    /// <summary>Every outline section, depth first, with the texts of the children that wrote one.</summary>
    public IReadOnlyList<SectionTexts> Sections { get; }

    /// <summary>Units whose reports were passed in but are not expected children; they are not counted.</summary>
    public IReadOnlyList<string> IgnoredUnits { get; }

    public IndicatorTotal? TotalOf(string code) =>
        Indicators.FirstOrDefault(i => i.Code == code) ?? LocalIndicators.FirstOrDefault(i => i.Code == code);

    /// <summary>
    /// The pre-fill for the receiving unit's own draft (<see cref="Report.ApplyChildrenTotals"/>): the totals of the
    /// indicators at least one child gave, and the children's local indicators.
    /// </summary>
    public ChildrenTotals ToChildrenTotals() => new(
        Indicators.Concat(LocalIndicators).Where(t => t.ReportedBy > 0)
            .ToDictionary(t => t.Code, t => t.Total, StringComparer.Ordinal),
        LocalIndicators.Select(t => new LocalIndicatorDefinition(t.Code, t.Name, t.Unit, t.Kind)).ToList());
}
