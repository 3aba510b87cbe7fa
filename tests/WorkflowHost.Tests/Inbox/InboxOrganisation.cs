using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Tests.Inbox;

/// <summary>A small organisation for the inbox tests: a board with a drafter and a head, a district whose secretary
/// left on 30/6/2025.</summary>
internal static class InboxOrganisation
{
    public static readonly DateOnly Before = new(2025, 1, 10);
    public static readonly DateOnly After = new(2026, 1, 10);

    public static void Add(WorkflowHostDbContext db)
    {
        var from = new DateOnly(2020, 1, 1);
        db.AddRange(
            new OrgUnit { Code = "TU", Name = "Tỉnh ủy Lào Cai", ShortName = "Tỉnh ủy", Kind = UnitKind.ProvincialCommittee, ValidFrom = from },
            new OrgUnit { Code = "TU-BTC", Name = "Ban Tổ chức Tỉnh ủy", ShortName = "Ban Tổ chức", Kind = UnitKind.CommitteeBoard, ParentCode = "TU", ValidFrom = from },
            new OrgUnit { Code = "HU-BATXAT", Name = "Huyện ủy Bát Xát", ShortName = "Huyện ủy Bát Xát", Kind = UnitKind.DistrictCommittee, ParentCode = "TU", ValidFrom = from });
        db.AddRange(
            Member("TU", "Nguyễn Văn An", MemberRole.Secretary, "bithu.tu", from, null),
            Member("TU-BTC", "Đỗ Văn Phúc", MemberRole.Head, "truongban.btc", from, null),
            Member("TU-BTC", "Vũ Thị Giang", MemberRole.Drafter, "chuyenvien.btc", from, null),
            Member("HU-BATXAT", "Lý Văn Hải", MemberRole.Secretary, "pheduyet.hu", from, new DateOnly(2025, 6, 30)));
    }

    private static Membership Member(string unit, string person, MemberRole role, string userName, DateOnly from, DateOnly? to) =>
        new() { UnitCode = unit, Person = person, Role = role, Title = person, UserName = userName, ValidFrom = from, ValidTo = to };
}
