using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports.Consolidation;

/// <summary>
/// Consolidates the children's reports for the receiving level (tổng hợp). Only each child's latest approved or
/// received version counts: drafts, submissions awaiting the vote and returned versions never reach the totals.
/// </summary>
public static class ReportConsolidator
{
    /// <param name="expectedUnits">The children that must report, in the order the consolidation lists them.</param>
    /// <param name="childReports">The children's reports for this plan; at most one per unit.</param>
    /// <exception cref="ArgumentException">A report of another plan, or two reports of one unit (a caller's bug).</exception>
    public static ConsolidatedReport Consolidate(PlanTemplate template, IEnumerable<string> expectedUnits,
        IEnumerable<Report> childReports)
    {
        var expected = expectedUnits.Distinct(StringComparer.Ordinal).ToList();
        var reportsByUnit = IndexByUnit(template, childReports);

        var reported = new List<(ReportedChild Child, ReportVersion Version)>();
        var missing = new List<MissingChild>();
        foreach (var unit in expected)
        {
            var report = reportsByUnit.GetValueOrDefault(unit);
            if (report?.LatestAccepted is { } accepted)
                reported.Add((new ReportedChild(unit, report.Id, accepted.Number, accepted.Status), accepted));
            else
                missing.Add(new MissingChild(unit, report?.Current.Status));
        }

        var indicators = template.Indicators
            .Select(i => Total(i.Code, i.Name, i.Unit, i.Kind, i.Group, reported))
            .ToList();
        var (localTotals, conflicts) = LocalTotals(reported);
        var sections = template.AllSections()
            .Select(s => new SectionTexts(s, reported
                .Where(r => !string.IsNullOrWhiteSpace(r.Version.TextOf(s.Number)))
                .Select(r => new ChildText(r.Child.UnitCode, r.Version.TextOf(s.Number)!))
                .ToList()))
            .ToList();
        var ignored = reportsByUnit.Keys.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        return new ConsolidatedReport(template.Id, reported.Select(r => r.Child).ToList(), missing, indicators,
            localTotals, conflicts, sections, ignored);
    }

    private static Dictionary<string, Report> IndexByUnit(PlanTemplate template, IEnumerable<Report> reports)
    {
        var byUnit = new Dictionary<string, Report>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (report.PlanId != template.Id)
                throw new ArgumentException(
                    $"Report {report.Id} of unit {report.UnitCode} belongs to plan {report.PlanId}, not {template.Id}.");
            if (!byUnit.TryAdd(report.UnitCode, report))
                throw new ArgumentException($"Two reports of unit {report.UnitCode} for plan {template.Id}.");
        }
        return byUnit;
    }

    private static IndicatorTotal Total(string code, string name, string unit, IndicatorKind kind, string? group,
        IReadOnlyList<(ReportedChild Child, ReportVersion Version)> reported)
    {
        var values = reported.Select(r => new ChildValue(r.Child.UnitCode, r.Version.ValueOf(code))).ToList();
        // decimal addition is exact for the magnitudes of money and counts, so the total equals the children's sum.
        var total = values.Sum(v => v.Value ?? 0m);
        return new IndicatorTotal(code, name, unit, kind, group, total, values);
    }

    private static (List<IndicatorTotal>, List<LocalIndicatorConflict>) LocalTotals(
        IReadOnlyList<(ReportedChild Child, ReportVersion Version)> reported)
    {
        var totals = new List<IndicatorTotal>();
        var conflicts = new List<LocalIndicatorConflict>();
        var definitions = reported
            .SelectMany(r => r.Version.LocalIndicators.Select(l => (r.Child.UnitCode, Definition: l.ToDefinition())))
            .GroupBy(d => d.Definition.Code, StringComparer.Ordinal);
        foreach (var group in definitions)
        {
            var distinct = group.Select(d => d.Definition).Distinct().ToList();
            if (distinct.Count > 1)
            {
                conflicts.Add(new LocalIndicatorConflict(group.Key, group.ToList()));
                continue;
            }
            var definition = distinct[0];
            var definers = group.Select(d => d.UnitCode).ToHashSet(StringComparer.Ordinal);
            totals.Add(Total(definition.Code, definition.Name, definition.Unit, definition.Kind, null,
                reported.Where(r => definers.Contains(r.Child.UnitCode)).ToList()));
        }
        return (totals, conflicts);
    }
}
