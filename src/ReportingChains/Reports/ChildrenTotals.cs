namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// What a unit's children reported in sum, to pre-fill the unit's own draft: the total of each indicator over the
/// children's approved versions, and the local indicators the children added.
/// </summary>
public sealed record ChildrenTotals(
    IReadOnlyDictionary<string, decimal> Sums,
    IReadOnlyList<LocalIndicatorDefinition> LocalIndicators);
