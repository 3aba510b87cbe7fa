using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.ReportingChains.Tests.Organisation;

public sealed class OrganisationSnapshotTests
{
    private static readonly DateOnly Reform = new(2025, 7, 1);

    private static OrgUnit Unit(string code, UnitKind kind, string? parent, string from, string? to = null) => new()
    {
        Code = code, Name = code, ShortName = code, Kind = kind, ParentCode = parent,
        ValidFrom = DateOnly.Parse(from), ValidTo = to is null ? null : DateOnly.Parse(to),
    };

    private static Membership Member(string unit, string person, MemberRole role, string from = "2020-01-01", string? to = null, string? user = null) => new()
    {
        UnitCode = unit, Person = person, Role = role, Title = role.ToString(), UserName = user,
        ValidFrom = DateOnly.Parse(from), ValidTo = to is null ? null : DateOnly.Parse(to),
    };

    private static readonly OrgUnit[] Units =
    [
        Unit("TW", UnitKind.CentralBody, null, "1930-02-03"),
        Unit("TU", UnitKind.ProvincialCommittee, "TW", "1991-10-01"),
        Unit("HU-A", UnitKind.DistrictCommittee, "TU", "1991-10-01", "2025-06-30"),
        Unit("CS-A-1", UnitKind.GrassrootsOrganisation, "HU-A", "1991-10-01", "2025-06-30"),
        Unit("DUX-A", UnitKind.CommuneCommittee, "TU", "2025-07-01"),
        Unit("TU-VP", UnitKind.CommitteeBoard, "TU", "1991-10-01"),
    ];

    private static readonly Membership[] Members =
    [
        Member("TU", "Bí thư", MemberRole.Secretary, user: "bithu"),
        Member("TU", "Phó", MemberRole.DeputySecretary),
        Member("TU", "Thường vụ", MemberRole.StandingCommitteeMember),
        Member("TU", "Ủy viên", MemberRole.CommitteeMember),
        Member("TU", "Chuyên viên", MemberRole.Drafter),
        Member("TU-VP", "Chánh văn phòng", MemberRole.Head, user: "bithu"),
        Member("TU-VP", "Phó văn phòng", MemberRole.DeputyHead),
        Member("TU-VP", "Chuyên viên VP", MemberRole.Drafter),
        Member("CS-A-1", "Bí thư chi bộ", MemberRole.Secretary, to: "2025-06-30"),
    ];

    private static OrganisationSnapshot On(DateOnly day) => new(day, Units, Members);

    [Fact]
    public void Before_the_reform_grassroots_reach_the_province_through_the_district()
    {
        var snapshot = On(new DateOnly(2022, 9, 1));

        Assert.Equal(["HU-A", "TU", "TW"], snapshot.Ancestors("CS-A-1").Select(u => u.Code));
        Assert.Contains(snapshot.Tree().Single().Children.Single().Children, n => n.Unit.Level == UnitLevel.Huyen);
    }

    [Fact]
    public void After_the_reform_the_tree_has_no_district_level()
    {
        var snapshot = On(Reform);

        Assert.Null(snapshot.Find("HU-A"));
        Assert.Null(snapshot.Find("CS-A-1"));
        Assert.Equal(["TU", "TW"], snapshot.Ancestors("DUX-A").Select(u => u.Code));
        Assert.DoesNotContain(snapshot.Units, u => u.Level == UnitLevel.Huyen);
        Assert.Equal(["DUX-A", "TU-VP"], snapshot.Children("TU").Select(u => u.Code));
    }

    [Fact]
    public void A_unit_with_a_standing_committee_votes_with_secretaries_and_standing_members_only()
    {
        var collective = On(Reform).Collective("TU").Select(m => m.Person);

        Assert.Equal(["Bí thư", "Phó", "Thường vụ"], collective);
    }

    [Fact]
    public void A_unit_without_a_standing_committee_votes_with_all_its_leading_members()
    {
        var snapshot = On(Reform);

        Assert.Equal(["Chánh văn phòng", "Phó văn phòng"], snapshot.Collective("TU-VP").Select(m => m.Person));
        Assert.Equal(["Chuyên viên VP"], snapshot.Drafters("TU-VP").Select(m => m.Person));
        Assert.Equal("Chánh văn phòng", snapshot.Head("TU-VP")!.Person);
        Assert.Equal("Bí thư", snapshot.Head("TU")!.Person);
    }

    [Fact]
    public void Memberships_outside_the_day_are_ignored()
    {
        Assert.Single(On(new DateOnly(2025, 6, 30)).Members("CS-A-1"));
        Assert.Empty(On(Reform).Members("CS-A-1"));
    }

    [Fact]
    public void The_units_of_a_user_are_those_of_their_memberships()
    {
        Assert.Equal(["TU", "TU-VP"], On(Reform).UnitsOfUser("bithu").Select(u => u.Code));
        Assert.Empty(On(Reform).UnitsOfUser("nobody"));
    }

    [Fact]
    public void Via_body_is_the_channel_valid_on_the_day()
    {
        var province = Unit("TU2", UnitKind.ProvincialCommittee, "TW", "1991-10-01");
        province.ReceivesVia.Add(new ReceivingChannel { UnitCode = "TU2", ViaCode = "TU-VP", ValidFrom = new DateOnly(1991, 10, 1), ValidTo = new DateOnly(2025, 2, 28) });
        var snapshot2024 = new OrganisationSnapshot(new DateOnly(2024, 1, 1), [.. Units, province], []);
        var snapshot2026 = new OrganisationSnapshot(new DateOnly(2026, 1, 1), [.. Units, province], []);

        Assert.Equal("TU-VP", snapshot2024.ViaBody("TU2")!.Code);
        Assert.Null(snapshot2026.ViaBody("TU2"));
    }
}
