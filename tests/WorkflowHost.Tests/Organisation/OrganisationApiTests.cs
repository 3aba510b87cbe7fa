using WorkflowHost.ReportingChains.Calendar;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Organisation;

public sealed class OrganisationApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Node(JsonElement nodes, string code) =>
        nodes.EnumerateArray().Single(n => n.GetProperty("code").GetString() == code);

    private static IEnumerable<string> Codes(JsonElement nodes) =>
        nodes.EnumerateArray().Select(n => n.GetProperty("code").GetString()!);

    [Fact]
    public async Task Tree_as_of_2022_routes_grassroots_through_the_district_level()
    {
        var tree = await GetJsonAsync("/api/org-units?asOf=2022-09-01");

        Assert.Equal("2022-09-01", tree.GetProperty("asOf").GetString());
        var province = Node(Node(tree.GetProperty("units"), "TW").GetProperty("children"), "TU");
        var provinceChildren = province.GetProperty("children");
        Assert.Contains("HU-BATXAT", Codes(provinceChildren));
        Assert.Contains("TU-BDV", Codes(provinceChildren));
        Assert.DoesNotContain("DUX-BATXAT", Codes(provinceChildren));
        var district = Node(provinceChildren, "HU-BATXAT");
        Assert.Equal("Huyen", district.GetProperty("level").GetString());
        Assert.Equal("DistrictCommittee", district.GetProperty("kind").GetString());
        Assert.Equal(["CS-BATXAT-01", "CS-BATXAT-02"], Codes(district.GetProperty("children")));
        Assert.Equal("CoSo", Node(district.GetProperty("children"), "CS-BATXAT-01").GetProperty("level").GetString());
        Assert.Equal("TU-BDV", province.GetProperty("receivesVia").GetString());
    }

    [Fact]
    public async Task Tree_as_of_2026_has_no_district_level_and_communes_report_to_the_province()
    {
        var tree = await GetJsonAsync("/api/org-units?asOf=2026-06-01");

        var province = Node(Node(tree.GetProperty("units"), "TW").GetProperty("children"), "TU");
        var provinceChildren = province.GetProperty("children");
        Assert.DoesNotContain(provinceChildren.EnumerateArray(), n => n.GetProperty("level").GetString() == "Huyen");
        Assert.Contains("DUX-BATXAT", Codes(provinceChildren));
        Assert.Contains("DUX-SAPA", Codes(provinceChildren));
        Assert.Contains("TU-BTGDV", Codes(provinceChildren));
        Assert.DoesNotContain("TU-BDV", Codes(provinceChildren));
        Assert.Equal("TU-BTGDV", province.GetProperty("receivesVia").GetString());
        Assert.Equal("CoSo", Node(provinceChildren, "DUX-BATXAT").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Validity_is_inclusive_on_both_ends()
    {
        var lastDay = await GetJsonAsync("/api/org-units/HU-BATXAT?asOf=2025-06-30");
        Assert.Equal("HU-BATXAT", lastDay.GetProperty("unit").GetProperty("code").GetString());

        var client = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/org-units/HU-BATXAT?asOf=2025-07-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/org-units/DUX-BATXAT?asOf=2025-07-01")).StatusCode);
    }

    [Fact]
    public async Task Unit_detail_has_ancestors_children_via_body_and_members_as_of_the_date()
    {
        var detail = await GetJsonAsync("/api/org-units/TU?asOf=2022-09-01");

        Assert.Equal(["TW"], detail.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Contains("HU-SAPA", Codes(detail.GetProperty("children")));
        Assert.Equal("TU-BDV", detail.GetProperty("viaBody").GetProperty("code").GetString());
        var people = detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("person").GetString()).ToList();
        Assert.Contains("Lê Văn Cường", people); // standing committee member until 2024-12-31

        var grassroots = await GetJsonAsync("/api/org-units/CS-BATXAT-02?asOf=2022-09-01");
        Assert.Equal(["HU-BATXAT", "TU", "TW"],
            grassroots.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));

        var later = await GetJsonAsync("/api/org-units/TU?asOf=2026-06-01");
        Assert.DoesNotContain("Lê Văn Cường", later.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("person").GetString()));
        Assert.Equal("TU-BTGDV", later.GetProperty("viaBody").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_unit_not_valid_on_the_date_is_404_problem_details()
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var response = await client.GetAsync("/api/org-units/DUX-SAPA?asOf=2022-09-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("DUX-SAPA", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/org-units?asOf=2022-13-01")]
    [InlineData("/api/org-units?asOf=hôm-nay")]
    [InlineData("/api/org-units/TU?asOf=01/09/2022")]
    public async Task A_bad_asOf_is_400_problem_details_naming_asOf(string url)
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out var messages));
        Assert.Contains("yyyy-MM-dd", messages[0].GetString());
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AsOf_defaults_to_today_in_Vietnam()
    {
        var tree = await GetJsonAsync("/api/org-units");

        Assert.Equal(VietnamTime.Today(host.Factory.Clock).ToString("yyyy-MM-dd"), tree.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Me_lists_roles_and_the_units_the_user_is_a_member_of_today()
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("pheduyet.hu");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("pheduyet.hu", me.GetProperty("userName").GetString());
        Assert.Equal("Lý Văn Hải", me.GetProperty("displayName").GetString());
        Assert.Equal(["approver"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // Secretary of HU-BATXAT until 2025-06-30, then of the new commune committee.
        Assert.Equal(["DUX-BATXAT"], me.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
    }
}
