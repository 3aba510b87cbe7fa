using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Pages;

/// <summary>Vietnamese names shown in the UI for the English identifiers of the domain.</summary>
public static class UiLabels
{
    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.CentralBody => "Cơ quan Trung ương",
        UnitKind.ProvincialCommittee => "Tỉnh ủy",
        UnitKind.CommitteeBoard => "Ban tham mưu",
        UnitKind.PartyGroup => "Đảng đoàn, ban cán sự đảng",
        UnitKind.FrontOrganisation => "MTTQ, đoàn thể",
        UnitKind.Department => "Sở, ngành",
        UnitKind.DistrictCommittee => "Huyện ủy, thị ủy, thành ủy",
        UnitKind.DirectCommittee => "Đảng ủy trực thuộc",
        UnitKind.CommuneCommittee => "Đảng ủy xã, phường",
        UnitKind.GrassrootsOrganisation => "Tổ chức cơ sở đảng",
        _ => kind.ToString(),
    };

    public static string Of(UnitLevel level) => level switch
    {
        UnitLevel.TrungUong => "Trung ương",
        UnitLevel.Tinh => "Cấp tỉnh",
        UnitLevel.Huyen => "Cấp huyện và tương đương",
        UnitLevel.CoSo => "Cơ sở",
        _ => level.ToString(),
    };

    public static string Role(string role) => role switch
    {
        Roles.Designer => "Thiết kế quy trình",
        Roles.Approver => "Phê duyệt",
        Roles.Auditor => "Kiểm toán",
        Roles.Admin => "Quản trị",
        _ => role,
    };
}
