using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>How <see cref="RequestReports"/> names its reporting units (always on the tree of the plan's date).</summary>
public enum ReportingUnitSelection
{
    /// <summary>The children of the unit running this chain (workflow input <c>unitCode</c>), optionally only some kinds.</summary>
    ChildrenOfRunningUnit,
    /// <summary>The units of the given kinds directly under <c>Under</c> (default: the running unit).</summary>
    ByKind,
    /// <summary>Every unit of the given levels below <c>Under</c> (default: the running unit; none: the whole tree).</summary>
    ByLevel,
    /// <summary>Exactly the listed unit codes.</summary>
    Explicit,
}

/// <summary>A selection read from the activity's inputs, applied to one snapshot of the organisation.</summary>
internal sealed record UnitSelectionQuery(
    ReportingUnitSelection Mode, IReadOnlyList<UnitKind> Kinds, IReadOnlyList<UnitLevel> Levels, string? Under, IReadOnlyList<string> Codes)
{
    /// <summary>The selected units ordered by code. Unknown codes (not valid on the snapshot's day) are refused by name.</summary>
    public IReadOnlyList<OrgUnit> Apply(OrganisationSnapshot snapshot)
    {
        IEnumerable<OrgUnit> units = Mode switch
        {
            ReportingUnitSelection.ChildrenOfRunningUnit or ReportingUnitSelection.ByKind =>
                snapshot.Children(RequireUnit(snapshot, Under, "Under")).Where(u => Kinds.Count == 0 || Kinds.Contains(u.Kind)),
            ReportingUnitSelection.ByLevel =>
                (Under is null ? snapshot.Units : snapshot.Descendants(RequireUnit(snapshot, Under, "Under"))).Where(u => Levels.Contains(u.Level)),
            ReportingUnitSelection.Explicit => Codes.Distinct(StringComparer.Ordinal).Select(code => snapshot.Find(code) ?? throw Unknown(snapshot, code, "Units")),
            _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null),
        };
        return units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    private static string RequireUnit(OrganisationSnapshot snapshot, string? code, string field) =>
        code is not null && snapshot.Find(code) is not null ? code : throw Unknown(snapshot, code, field);

    private static ActivityInputException Unknown(OrganisationSnapshot snapshot, string? code, string field) =>
        new(field, $"Đơn vị \"{code}\" không tồn tại trong cây tổ chức ngày {snapshot.AsOf:dd/MM/yyyy}.",
            $"{field}: unit '{code}' does not exist in the organisation tree of {snapshot.AsOf:yyyy-MM-dd}.");
}
