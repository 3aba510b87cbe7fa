namespace WorkflowHost.ReportingChains.Plans;

public enum UnitSelectionMode
{
    /// <summary>Every unit of the given kinds directly under <see cref="UnitSelector.Under"/>.</summary>
    ByKind,
    /// <summary>Exactly the listed units.</summary>
    Explicit,
    /// <summary>The children of the unit running the parent level's chain, optionally filtered by kind.</summary>
    ChildrenOfRunningUnit,
}

/// <summary>
/// One way of naming units; a level's reporting units and a task's owners are the union of their selectors, resolved
/// on the organisation tree as of the plan's date.
/// </summary>
public sealed class UnitSelector
{
    private List<string> _kinds = [];
    private List<string> _units = [];

    private UnitSelector() { } // for EF

    public UnitSelector(UnitSelectionMode mode, IEnumerable<string> kinds, string? under, IEnumerable<string> units,
        string? note)
    {
        Mode = mode;
        _kinds = [.. kinds];
        Under = under;
        _units = [.. units];
        Note = note;
    }

    public UnitSelectionMode Mode { get; private set; }

    /// <summary>Unit kinds as in the organisation data (DistrictCommittee, GrassrootsOrganisation …).</summary>
    public IReadOnlyList<string> Kinds => _kinds;

    /// <summary>For <see cref="UnitSelectionMode.ByKind"/>: the parent unit code.</summary>
    public string? Under { get; private set; }

    /// <summary>For <see cref="UnitSelectionMode.Explicit"/>: the unit codes.</summary>
    public IReadOnlyList<string> Units => _units;

    /// <summary>The plan's wording the selector stands for, e.g. "sở, ngành có liên quan".</summary>
    public string? Note { get; private set; }
}

/// <summary>
/// The unit kinds of the organisation data (seeds/README.md). Kept here as the plan format's vocabulary so plan files
/// validate on their own, without the organisation module.
/// </summary>
public static class PlanUnitKinds
{
    public static readonly IReadOnlyList<string> Known =
    [
        "CentralBody", "ProvincialCommittee", "CommitteeBoard", "PartyGroup", "FrontOrganisation", "Department",
        "DistrictCommittee", "DirectCommittee", "CommuneCommittee", "GrassrootsOrganisation",
    ];
}
