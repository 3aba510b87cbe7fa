namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>
/// The organisation as it stood on one day: only the units, channels and memberships valid on <see cref="AsOf"/>.
/// Every as-of question (tree, children, ancestors, via body, collective) is answered from here, so the
/// effective-dating rule is applied in exactly one place.
/// </summary>
public sealed class OrganisationSnapshot
{
    private readonly Dictionary<string, OrgUnit> _units;
    private readonly ILookup<string, OrgUnit> _childrenByParent;
    private readonly ILookup<string, Membership> _membersByUnit;

    public OrganisationSnapshot(DateOnly asOf, IEnumerable<OrgUnit> units, IEnumerable<Membership> memberships)
    {
        AsOf = asOf;
        _units = units.Where(u => u.IsValidOn(asOf)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        _childrenByParent = _units.Values
            .Where(u => u.ParentCode is not null && _units.ContainsKey(u.ParentCode))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToLookup(u => u.ParentCode!, StringComparer.Ordinal);
        _membersByUnit = memberships
            .Where(m => m.IsValidOn(asOf) && _units.ContainsKey(m.UnitCode))
            .OrderBy(m => m.Role).ThenBy(m => m.Person, StringComparer.Ordinal)
            .ToLookup(m => m.UnitCode, StringComparer.Ordinal);
    }

    public DateOnly AsOf { get; }

    public IReadOnlyCollection<OrgUnit> Units => _units.Values;

    public OrgUnit? Find(string code) => _units.GetValueOrDefault(code);

    /// <summary>Units without a parent valid on the day (normally just the Trung ương).</summary>
    public IReadOnlyList<OrgUnit> Roots =>
        _units.Values.Where(u => u.ParentCode is null || !_units.ContainsKey(u.ParentCode))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    public IReadOnlyList<OrgTreeNode> Tree() => Roots.Select(Node).ToList();

    public OrgTreeNode? Subtree(string code) => Find(code) is { } unit ? Node(unit) : null;

    public IReadOnlyList<OrgUnit> Children(string code) => _childrenByParent[code].ToList();

    /// <summary>All units below <paramref name="code"/>, depth first.</summary>
    public IReadOnlyList<OrgUnit> Descendants(string code)
    {
        var result = new List<OrgUnit>();
        foreach (var child in _childrenByParent[code])
        {
            result.Add(child);
            result.AddRange(Descendants(child.Code));
        }
        return result;
    }

    /// <summary>The chain upwards, the parent first and the root last.</summary>
    public IReadOnlyList<OrgUnit> Ancestors(string code)
    {
        var result = new List<OrgUnit>();
        var current = Find(code);
        while (current?.ParentCode is { } parentCode && Find(parentCode) is { } parent && result.Count <= _units.Count)
        {
            result.Add(parent);
            current = parent;
        }
        return result;
    }

    /// <summary>The body that receives incoming reports for the unit on this day; null when it receives directly.</summary>
    public OrgUnit? ViaBody(string code) =>
        Find(code)?.ViaCodeOn(AsOf) is { } viaCode ? Find(viaCode) : null;

    public IReadOnlyList<Membership> Members(string code) => _membersByUnit[code].ToList();

    /// <summary>
    /// The voting collective: Secretary, DeputySecretary and StandingCommitteeMember members. A unit without a
    /// standing committee on that day votes with all its leading members (secretaries, committee members, heads
    /// and deputy heads) — everybody but the drafters.
    /// </summary>
    public IReadOnlyList<Membership> Collective(string code)
    {
        var members = _membersByUnit[code].ToList();
        if (members.Any(m => m.Role == MemberRole.StandingCommitteeMember))
            return members.Where(m => m.Role is MemberRole.Secretary or MemberRole.DeputySecretary
                or MemberRole.StandingCommitteeMember).ToList();
        return members.Where(m => m.Role != MemberRole.Drafter).ToList();
    }

    public IReadOnlyList<Membership> Drafters(string code) =>
        _membersByUnit[code].Where(m => m.Role == MemberRole.Drafter).ToList();

    /// <summary>Who leads (and signs for) the unit: its Secretary, else its Head.</summary>
    public Membership? Head(string code) =>
        _membersByUnit[code].FirstOrDefault(m => m.Role == MemberRole.Secretary)
        ?? _membersByUnit[code].FirstOrDefault(m => m.Role == MemberRole.Head);

    /// <summary>The units in which the login <paramref name="userName"/> holds a role on this day.</summary>
    public IReadOnlyList<OrgUnit> UnitsOfUser(string userName) =>
        _membersByUnit.SelectMany(g => g)
            .Where(m => string.Equals(m.UserName, userName, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.UnitCode).Distinct().Select(c => _units[c])
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    private OrgTreeNode Node(OrgUnit unit) => new(unit, Children(unit.Code).Select(Node).ToList());
}

/// <summary>A unit with its children as of the snapshot's day.</summary>
public sealed record OrgTreeNode(OrgUnit Unit, IReadOnlyList<OrgTreeNode> Children);
