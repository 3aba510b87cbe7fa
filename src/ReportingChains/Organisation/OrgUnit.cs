namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>An organisational unit of the chain, valid over a range of days.</summary>
public sealed class OrgUnit : IEffectiveDated
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public UnitKind Kind { get; init; }
    /// <summary>Only for <see cref="UnitKind.CommitteeBoard"/>.</summary>
    public BoardFunction? Function { get; init; }
    /// <summary>Null only for a root (the Trung ương).</summary>
    public string? ParentCode { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>The bodies that receive incoming reports for this unit, each over its own period.</summary>
    public List<ReceivingChannel> ReceivesVia { get; init; } = [];

    public UnitLevel Level => Kind.LevelOf();

    /// <summary>The body receiving for this unit on <paramref name="day"/>, or null when it receives directly.</summary>
    public string? ViaCodeOn(DateOnly day) => ReceivesVia.FirstOrDefault(c => c.IsValidOn(day))?.ViaCode;
}

/// <summary>"Reports for <see cref="UnitCode"/> arrive through <see cref="ViaCode"/>" over a period.</summary>
public sealed class ReceivingChannel : IEffectiveDated
{
    public int Id { get; init; }
    public required string UnitCode { get; init; }
    public required string ViaCode { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}
