namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>The level of the reporting chain a unit belongs to.</summary>
public enum UnitLevel
{
    /// <summary>Trung ương.</summary>
    TrungUong,
    /// <summary>Tỉnh: the tỉnh ủy, its bans, party groups, front organisations and departments.</summary>
    Tinh,
    /// <summary>Huyện: huyện/thị/thành ủy and đảng ủy trực thuộc tỉnh ủy.</summary>
    Huyen,
    /// <summary>Cơ sở: chi bộ / đảng bộ cơ sở and the post-reform đảng ủy xã/phường.</summary>
    CoSo,
}

public static class UnitLevels
{
    /// <summary>
    /// The level follows from the kind alone. A đảng ủy trực thuộc keeps the huyện-level place it had before the
    /// 2025 reform; a đảng ủy xã/phường is cơ sở even though it now reports straight to the tỉnh ủy.
    /// </summary>
    public static UnitLevel LevelOf(this UnitKind kind) => kind switch
    {
        UnitKind.CentralBody => UnitLevel.TrungUong,
        UnitKind.ProvincialCommittee or UnitKind.CommitteeBoard or UnitKind.PartyGroup
            or UnitKind.FrontOrganisation or UnitKind.Department => UnitLevel.Tinh,
        UnitKind.DistrictCommittee or UnitKind.DirectCommittee => UnitLevel.Huyen,
        UnitKind.CommuneCommittee or UnitKind.GrassrootsOrganisation => UnitLevel.CoSo,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown unit kind"),
    };
}
