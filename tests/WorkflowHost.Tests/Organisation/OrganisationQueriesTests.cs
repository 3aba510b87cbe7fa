using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Organisation;

/// <summary>IOrganisationQueries on the database loaded from the fixture seed by the real loader.</summary>
public sealed class OrganisationQueriesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly DateOnly Before = new(2022, 9, 1);
    private static readonly DateOnly After = new(2026, 6, 1);

    private Task<T> QueryAsync<T>(Func<IOrganisationQueries, Task<T>> query) =>
        host.Factory.InScopeAsync(s => query(s.GetRequiredService<IOrganisationQueries>()));

    private static IEnumerable<string> Codes(IEnumerable<OrgUnit> units) => units.Select(u => u.Code);

    [Fact]
    public async Task Children_of_the_province_change_with_the_reform()
    {
        var before = Codes(await QueryAsync(q => q.ChildrenAsync("TU", Before))).ToList();
        var after = Codes(await QueryAsync(q => q.ChildrenAsync("TU", After))).ToList();

        Assert.Equal(["HU-BATXAT", "HU-SAPA", "TU-BDV", "TU-BTC", "TU-BTG"], before);
        Assert.Equal(["DUX-BATXAT", "DUX-SAPA", "TU-BTC", "TU-BTGDV"], after);
    }

    [Fact]
    public async Task Descendants_and_ancestors_as_of_a_date()
    {
        var descendants = Codes(await QueryAsync(q => q.DescendantsAsync("HU-BATXAT", Before)));
        Assert.Equal(["CS-BATXAT-01", "CS-BATXAT-02"], descendants);
        Assert.Empty(await QueryAsync(q => q.DescendantsAsync("HU-BATXAT", After)));

        Assert.Equal(["HU-SAPA", "TU", "TW"], Codes(await QueryAsync(q => q.AncestorsAsync("CS-SAPA-01", Before))));
        Assert.Equal(["TU", "TW"], Codes(await QueryAsync(q => q.AncestorsAsync("DUX-SAPA", After))));
        Assert.Empty(await QueryAsync(q => q.AncestorsAsync("CS-SAPA-01", After)));
    }

    [Fact]
    public async Task The_via_body_follows_the_2025_merger_of_the_bans()
    {
        Assert.Equal("TU-BDV", (await QueryAsync(q => q.ViaBodyAsync("TU", new DateOnly(2025, 2, 28))))!.Code);
        Assert.Equal("TU-BTGDV", (await QueryAsync(q => q.ViaBodyAsync("TU", new DateOnly(2025, 3, 1))))!.Code);
        Assert.Null(await QueryAsync(q => q.ViaBodyAsync("HU-BATXAT", Before)));
    }

    [Fact]
    public async Task The_collective_drafters_and_head_as_of_a_date()
    {
        var collective2022 = (await QueryAsync(q => q.CollectiveAsync("TU", Before))).Select(m => m.Person).ToList();
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"], collective2022);
        var collective2026 = (await QueryAsync(q => q.CollectiveAsync("TU", After))).Select(m => m.Person).ToList();
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung"], collective2026);

        // A cơ sở without a standing committee votes with its secretary and committee members, not its drafter.
        var grassroots = (await QueryAsync(q => q.CollectiveAsync("CS-BATXAT-01", Before))).Select(m => m.Person).ToList();
        Assert.Equal(["Sùng A Lử", "Vàng Thị Mai"], grassroots);

        Assert.Equal(["Vũ Thị Giang"], (await QueryAsync(q => q.DraftersAsync("TU-BTC", After))).Select(m => m.Person));
        Assert.Equal("Đỗ Văn Phúc", (await QueryAsync(q => q.HeadAsync("TU-BTC", After)))!.Person);
        Assert.Equal("Nguyễn Văn An", (await QueryAsync(q => q.HeadAsync("TU", After)))!.Person);
    }

    [Fact]
    public async Task An_approver_is_scoped_to_the_units_of_their_memberships_on_the_date()
    {
        Assert.Equal(["HU-BATXAT"], Codes(await QueryAsync(q => q.UnitsOfUserAsync("pheduyet.hu", Before))));
        Assert.Equal(["DUX-BATXAT"], Codes(await QueryAsync(q => q.UnitsOfUserAsync("pheduyet.hu", After))));
        await host.Factory.InScopeAsync(async s =>
        {
            var approverScope = s.GetRequiredService<ApproverScope>();
            var approver = Principal("pheduyet.hu", Roles.Approver);
            Assert.True(await approverScope.CanActOnAsync(approver, "HU-BATXAT", Before));
            Assert.False(await approverScope.CanActOnAsync(approver, "HU-BATXAT", After));
            Assert.False(await approverScope.CanActOnAsync(approver, "HU-SAPA", Before));
            Assert.True(await approverScope.CanActOnAsync(Principal("admin", Roles.Admin), "HU-SAPA", Before));
            Assert.False(await approverScope.CanActOnAsync(Principal("pheduyet.hu", Roles.Auditor), "HU-BATXAT", Before));
            return true;
        });
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string name, string role) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, name), new(System.Security.Claims.ClaimTypes.Role, role)], "test"));
}
