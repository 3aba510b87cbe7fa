using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Queries.Organisation;

/// <summary>A unit as of a day; <see cref="ReceivesVia"/> is the code of the body receiving for it that day.</summary>
public sealed record OrgUnitDto(
    string Code, string Name, string ShortName, UnitKind Kind, BoardFunction? Function, UnitLevel Level,
    string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, string? ReceivesVia)
{
    public static OrgUnitDto From(OrgUnit unit, DateOnly asOf) => new(
        unit.Code, unit.Name, unit.ShortName, unit.Kind, unit.Function, unit.Level, unit.ParentCode,
        unit.ValidFrom, unit.ValidTo, unit.ViaCodeOn(asOf));
}

public sealed record OrgTreeNodeDto(
    string Code, string Name, string ShortName, UnitKind Kind, BoardFunction? Function, UnitLevel Level,
    string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, string? ReceivesVia, IReadOnlyList<OrgTreeNodeDto> Children)
{
    public static OrgTreeNodeDto From(OrgTreeNode node, DateOnly asOf) => new(
        node.Unit.Code, node.Unit.Name, node.Unit.ShortName, node.Unit.Kind, node.Unit.Function, node.Unit.Level,
        node.Unit.ParentCode, node.Unit.ValidFrom, node.Unit.ValidTo, node.Unit.ViaCodeOn(asOf),
        node.Children.Select(c => From(c, asOf)).ToList());
}

public sealed record MemberDto(string Person, MemberRole Role, string Title, DateOnly ValidFrom, DateOnly? ValidTo, string? UserName)
{
    public static MemberDto From(Membership m) => new(m.Person, m.Role, m.Title, m.ValidFrom, m.ValidTo, m.UserName);
}
