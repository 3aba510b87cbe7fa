namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>Kind of an organisational unit (names as in seeds/organisation/units.json).</summary>
public enum UnitKind
{
    /// <summary>Trung ương body: BCH TW, Ban Bí thư, Ban Dân vận TW …</summary>
    CentralBody,
    /// <summary>Tỉnh ủy.</summary>
    ProvincialCommittee,
    /// <summary>Ban tham mưu of a committee: Tổ chức, Dân vận, Tuyên giáo, Kiểm tra, Văn phòng.</summary>
    CommitteeBoard,
    /// <summary>Đảng đoàn / ban cán sự đảng.</summary>
    PartyGroup,
    /// <summary>MTTQ, đoàn thể chính trị – xã hội, hội quần chúng.</summary>
    FrontOrganisation,
    /// <summary>Sở / ngành.</summary>
    Department,
    /// <summary>Huyện ủy / thị ủy / thành ủy (abolished on 2025-07-01).</summary>
    DistrictCommittee,
    /// <summary>Đảng ủy trực thuộc tỉnh ủy.</summary>
    DirectCommittee,
    /// <summary>Đảng ủy xã / phường / đặc khu (post-reform).</summary>
    CommuneCommittee,
    /// <summary>Chi bộ / đảng bộ cơ sở.</summary>
    GrassrootsOrganisation,
}
