using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Seeding.Organisation;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Seeding;

/// <summary>The reader and validator alone, on edited copies of the fixture files.</summary>
public sealed class OrganisationSeedValidatorTests : IDisposable
{
    private readonly TestRoot _root = TestRoot.Create();

    public void Dispose() => _root.Dispose();

    private void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(_root.SeedFile(file));
        Assert.Contains(from, text);
        File.WriteAllText(_root.SeedFile(file), text.Replace(from, to));
    }

    private ValidatedOrganisation Validate() =>
        OrganisationSeedValidator.Validate(OrganisationSeedReader.Read(_root.OrganisationSeeds, p => Path.GetFileName(p)));

    private IReadOnlyList<SeedProblem> Problems() => Assert.Throws<SeedDataException>(Validate).Problems;

    [Fact]
    public void The_fixture_is_valid_and_reads_the_receivesVia_list()
    {
        var organisation = Validate();

        Assert.Equal(15, organisation.Units.Count);
        var province = organisation.Units.Single(u => u.Code == "TU");
        Assert.Equal("TU-BDV", province.ViaCodeOn(new DateOnly(2025, 2, 28)));
        Assert.Equal("TU-BTGDV", province.ViaCodeOn(new DateOnly(2025, 3, 1)));
        Assert.Equal(BoardFunction.PropagandaAndMassMobilisation, organisation.Units.Single(u => u.Code == "TU-BTGDV").Function);
    }

    [Fact]
    public void A_single_via_code_applies_over_the_unit_validity()
    {
        Edit("units.json", "\"code\": \"TU-BTC\", \"name\": \"Ban Tổ chức Tỉnh ủy\", \"shortName\": \"Ban Tổ chức\", \"kind\": \"CommitteeBoard\",\n    \"function\": \"Organisation\", \"parent\": \"TU\", \"validFrom\": \"1991-10-01\", \"validTo\": null, \"receivesVia\": null",
            "\"code\": \"TU-BTC\", \"name\": \"Ban Tổ chức Tỉnh ủy\", \"shortName\": \"Ban Tổ chức\", \"kind\": \"CommitteeBoard\",\n    \"function\": \"Organisation\", \"parent\": \"TU\", \"validFrom\": \"1991-10-01\", \"validTo\": null, \"receivesVia\": \"TU-BTGDV\"");

        var problems = Problems();

        // TU-BTGDV exists only from 2025-03-01, so it cannot receive for TU-BTC since 1991.
        Assert.Contains(problems, p => p.Location == "units[4] (TU-BTC)" && p.Message.Contains("receivesVia 'TU-BTGDV' is valid 2025-03-01.."));
    }

    [Fact]
    public void Unknown_kind_function_and_role_are_named_with_the_allowed_values()
    {
        Edit("units.json", "\"kind\": \"DistrictCommittee\"", "\"kind\": \"HuyenUy\"");
        Edit("units.json", "\"function\": \"Propaganda\"", "\"function\": \"TuyenGiao\"");
        Edit("members.json", "\"role\": \"Drafter\", \"title\": \"Chuyên viên Ban Tổ chức\"", "\"role\": \"ChuyenVien\", \"title\": \"Chuyên viên Ban Tổ chức\"");

        var problems = Problems().Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("units.json: units[8] (HU-BATXAT): unknown kind 'HuyenUy' (expected one of CentralBody,"));
        Assert.Contains(problems, p => p.StartsWith("units.json: units[6] (TU-BTG): unknown function 'TuyenGiao'"));
        Assert.Contains(problems, p => p.StartsWith("members.json: members[6] (Vũ Thị Giang, TU-BTC): unknown role 'ChuyenVien'"));
    }

    [Fact]
    public void A_parent_whose_validity_does_not_cover_the_child_is_refused()
    {
        Edit("units.json", "\"parent\": \"HU-SAPA\", \"validFrom\": \"1991-10-01\", \"validTo\": \"2025-06-30\"",
            "\"parent\": \"HU-SAPA\", \"validFrom\": \"1991-10-01\", \"validTo\": null");

        var problem = Assert.Single(Problems());

        Assert.Equal("units[12] (CS-SAPA-01)", problem.Location);
        Assert.Contains("parent 'HU-SAPA' is valid 1991-10-01..2025-06-30, which does not cover", problem.Message);
    }

    [Fact]
    public void Members_of_unknown_units_and_unknown_user_names_are_refused()
    {
        Edit("members.json", "\"unit\": \"TU-BTC\", \"person\": \"Đỗ Văn Phúc\"", "\"unit\": \"TU-BXX\", \"person\": \"Đỗ Văn Phúc\"");
        Edit("members.json", "\"userName\": \"chuyenvien.btc\"", "\"userName\": \"khong.co\"");

        var problems = Problems().Select(p => p.ToString()).ToList();

        Assert.Contains("members.json: members[5] (Đỗ Văn Phúc, TU-BXX): unit 'TU-BXX' does not exist", problems);
        Assert.Contains("members.json: members[6] (Vũ Thị Giang, TU-BTC): userName 'khong.co' is not in users.json", problems);
    }

    [Fact]
    public void Bad_dates_and_reversed_ranges_are_refused()
    {
        Edit("units.json", "\"code\": \"TW-BBT\", \"name\": \"Ban Bí thư Trung ương Đảng\", \"shortName\": \"Ban Bí thư\", \"kind\": \"CentralBody\",\n    \"function\": null, \"parent\": \"TW\", \"validFrom\": \"1930-02-03\"",
            "\"code\": \"TW-BBT\", \"name\": \"Ban Bí thư Trung ương Đảng\", \"shortName\": \"Ban Bí thư\", \"kind\": \"CentralBody\",\n    \"function\": null, \"parent\": \"TW\", \"validFrom\": \"03/02/1930\"");
        Edit("members.json", "\"validFrom\": \"2020-08-01\", \"validTo\": \"2025-06-30\", \"userName\": \"pheduyet.hu\"",
            "\"validFrom\": \"2025-08-01\", \"validTo\": \"2025-06-30\", \"userName\": \"pheduyet.hu\"");

        var problems = Problems().Select(p => p.ToString()).ToList();

        Assert.Contains("units.json: units[1] (TW-BBT): validFrom '03/02/1930' is not a date yyyy-MM-dd", problems);
        Assert.Contains(problems, p => p.Contains("members[7]") && p.Contains("validTo 2025-06-30 is before validFrom 2025-08-01"));
    }

    [Fact]
    public void A_misspelt_property_is_refused_with_its_line()
    {
        Edit("users.json", "\"displayName\": \"Quản trị hệ thống\"", "\"display_name\": \"Quản trị hệ thống\"");

        var problem = Assert.Single(Problems());

        Assert.Equal("users.json", problem.File);
        Assert.StartsWith("line 2,", problem.Location);
        Assert.Contains("display_name", problem.Message);
    }

    [Fact]
    public void Unknown_roles_of_users_are_refused()
    {
        Edit("users.json", "\"roles\": [\"designer\"]", "\"roles\": [\"thietke\"]");

        var problem = Assert.Single(Problems());

        Assert.Equal("users[1] (thietke)", problem.Location);
        Assert.StartsWith("unknown role 'thietke'", problem.Message);
    }
}
