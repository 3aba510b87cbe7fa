using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Application.Calendar;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Reporting;

/// <summary>Ngày nghỉ lễ: the admin page, the calendar API and the seeded Tết 2026 swap, in the running host.</summary>
public sealed class HolidayAdminTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Page = "/Admin/Holidays?year=2026";
    private WorkflowHostFactory Factory => host.Factory;
    private WorkingDayCalendar Calendar => Factory.Services.GetRequiredService<WorkingDayCalendar>();

    private Task<List<HolidayOverrideEntry>> OverridesAsync() =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<WorkflowHostDbContext>().Set<HolidayOverrideEntry>()
            .AsNoTracking().OrderBy(e => e.Date).ToListAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = LoginForm.TokenFrom(await client.GetStringAsync(Page));
        return await client.PostAsync($"{Page}&handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_Tet_2026_swap_is_seeded_once_and_shown_by_the_api()
    {
        var seeded = (await OverridesAsync()).Where(e => e.Reason == HolidayOverrideSeeder.Tet2026Reason).ToList();
        Assert.Equal(Enumerable.Range(14, 9).Select(d => new DateOnly(2026, 2, d)), seeded.Select(e => e.Date));
        Assert.All(seeded, e => Assert.Equal(HolidayOverrideKind.DayOff, e.Kind));
        Assert.False(await Calendar.IsWorkingDayAsync(new DateOnly(2026, 2, 16))); // a Monday, off by the swap

        var client = await Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var year = await client.GetFromJsonAsync<JsonObject>("/api/calendar/2026");
        Assert.Equal(2026, year!["year"]!.GetValue<int>());
        Assert.Contains(year["overrides"]!.AsArray(), o => o!["date"]!.GetValue<string>() == "2026-02-20"
                                                          && o["reason"]!.GetValue<string>() == HolidayOverrideSeeder.Tet2026Reason);
        Assert.Contains(year["holidays"]!.AsArray(), h => h!["date"]!.GetValue<string>() == "2026-09-02");
        Assert.InRange(year["workingDays"]!.GetValue<int>(), 230, 260);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/calendar/99999")).StatusCode);
    }

    [Fact]
    public async Task A_restart_does_not_seed_again()
    {
        using var restarted = new WorkflowHostFactory(host.Root);
        _ = restarted.Server;

        Assert.Equal(9, (await OverridesAsync()).Count(e => e.Reason == HolidayOverrideSeeder.Tet2026Reason));
    }

    [Fact]
    public async Task Adding_and_deleting_an_override_changes_the_calendar_at_once_and_is_audited()
    {
        var day = new DateOnly(2026, 3, 2); // a Monday
        Assert.True(await Calendar.IsWorkingDayAsync(day)); // the year is now cached
        var admin = await LoginForm.SignedInClientAsync(Factory, "admin");

        var added = await PostAsync(admin, "Add", new() { ["Date"] = "2026-03-02", ["Kind"] = "DayOff", ["Reason"] = "Nghỉ bù thử nghiệm" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.False(await Calendar.IsWorkingDayAsync(day));
        var entry = (await OverridesAsync()).Single(e => e.Date == day);
        Assert.Equal(("admin", "Nghỉ bù thử nghiệm"), (entry.CreatedBy, entry.Reason));
        var page = await admin.GetStringAsync(Page);
        Assert.Contains("Đã thêm ngày 02/03/2026", page);
        Assert.Contains("Nghỉ bù thử nghiệm", page);

        var deleted = await PostAsync(admin, "Delete", new() { ["id"] = entry.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.True(await Calendar.IsWorkingDayAsync(day));
        Assert.DoesNotContain(await OverridesAsync(), e => e.Date == day);
        var actions = await Factory.InScopeAsync(sp => sp.GetRequiredService<WorkflowHostDbContext>().AuditRecords
            .Where(r => r.Target == "holiday-override:2026-03-02").Select(r => r.Action).ToListAsync());
        Assert.Equal(["calendar.override.added", "calendar.override.deleted"], actions);
    }

    [Fact]
    public async Task A_working_day_override_makes_a_weekend_day_a_working_day()
    {
        var saturday = new DateOnly(2026, 10, 10);
        Assert.False(await Calendar.IsWorkingDayAsync(saturday));
        var admin = await LoginForm.SignedInClientAsync(Factory, "admin");

        await PostAsync(admin, "Add", new() { ["Date"] = "2026-10-10", ["Kind"] = "WorkingDay", ["Reason"] = "Làm bù" });

        Assert.True(await Calendar.IsWorkingDayAsync(saturday));
    }

    [Theory]
    [InlineData("2026-02-14", "DayOff", "Trùng", "đã có trong bảng điều chỉnh")]
    [InlineData("2025-05-05", "DayOff", "Khác năm", "không thuộc năm 2026")]
    [InlineData("2026-05-05", "DayOff", "  ", "Lý do không được để trống")]
    [InlineData("05/05/2026", "DayOff", "Sai định dạng", "Ngày không hợp lệ")]
    [InlineData("2026-05-06", "Holiday", "Sai loại", "Loại điều chỉnh phải là")]
    public async Task Bad_input_is_explained_and_nothing_is_stored(string date, string kind, string reason, string message)
    {
        var before = await OverridesAsync();
        var audited = await Factory.InScopeAsync(sp => sp.GetRequiredService<WorkflowHostDbContext>().AuditRecords.CountAsync());
        var admin = await LoginForm.SignedInClientAsync(Factory, "admin");

        var response = await PostAsync(admin, "Add", new() { ["Date"] = date, ["Kind"] = kind, ["Reason"] = reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Select(e => e.Id), (await OverridesAsync()).Select(e => e.Id));
        // Signing in is audited; the refused change is not.
        Assert.Equal(audited + 1, await Factory.InScopeAsync(sp => sp.GetRequiredService<WorkflowHostDbContext>().AuditRecords.CountAsync()));
    }

    [Fact]
    public async Task Only_admins_reach_the_page()
    {
        var approver = await LoginForm.SignedInClientAsync(Factory, "bithu.tu");

        var response = await approver.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("Ngày nghỉ lễ", await approver.GetStringAsync("/"));
        var post = await approver.PostAsync($"{Page}&handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Date"] = "2026-06-01", ["Kind"] = "DayOff", ["Reason"] = "x" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.DoesNotContain(await OverridesAsync(), e => e.Date == new DateOnly(2026, 6, 1));

        var admin = await LoginForm.SignedInClientAsync(Factory, "admin");
        var html = await admin.GetStringAsync(Page);
        Assert.Contains("Ngày nghỉ lễ năm 2026", html);
        Assert.Contains("Tết Nguyên đán", html);
        Assert.Contains(">Ngày nghỉ lễ</a>", html);
    }
}
