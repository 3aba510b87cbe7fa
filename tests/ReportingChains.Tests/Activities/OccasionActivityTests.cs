using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class OccasionActivityTests
{
    private static readonly DateTimeOffset NewYear2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Tết Nguyên đán 2026–2030 on our lunar calendar. 2/2/2030 is a known deviation from the published
    /// 3/2/2030 (the new moon falls within minutes of midnight; see LunarCalendarTests).</summary>
    private static readonly DateOnly[] Tet = [new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 2)];

    private static readonly DateOnly[] WarInvalidsDays = [.. Enumerable.Range(2026, 5).Select(y => new DateOnly(y, 7, 27))];

    private static JsonObject OccasionFlow(params (string Name, JsonNode? Value)[] inputs) => Definition(Flowchart(
        [Activity("occasion", "WorkflowHost.Occasion", inputs), Activity("visit", "Elsa.WriteLine", ("text", Js("getOutputFrom('occasion', 'Name')"))), WriteLine("done", "done")],
        ("occasion", "Occasion", "visit"), ("occasion", "Done", "done")));

    private static async Task<(ChainEngine Engine, string InstanceId)> RunAsync(DateTimeOffset start, DateTimeOffset until, params (string, JsonNode?)[] inputs)
    {
        var engine = new ChainEngine(start);
        var run = await engine.StartAsync(await engine.PublishAsync(OccasionFlow(inputs)), new JsonObject { ["planId"] = "003" });
        Assert.Empty((await engine.InstanceAsync(run.InstanceId)).Incidents.Select(i => i.Message));
        await engine.Driver.RunUntilIdleAsync(until);
        Assert.Empty((await engine.InstanceAsync(run.InstanceId)).Incidents.Select(i => i.Message));
        return (engine, run.InstanceId);
    }

    [Fact]
    public async Task Every_27_7_and_every_Tet_2026_to_2030_fire_on_their_dates_at_08_00_Vietnam_time_and_Done_follows_the_last()
    {
        var (engine, instanceId) = await RunAsync(NewYear2026, new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero),
            ("recurrence", Lit("27/7 hằng năm; Tết Nguyên đán hằng năm")), ("from", Lit("2026")), ("until", Lit("2030")));
        await using var _e = engine;

        var due = engine.Notifications.Of<OccasionDue>();
        Assert.Equal(Tet.Concat(WarInvalidsDays).Order(), due.Select(d => d.Date));
        Assert.Equal(Tet, due.Where(d => d.Name == "Tết Nguyên đán").Select(d => d.Date));
        Assert.Equal(WarInvalidsDays, due.Where(d => d.Name == "Ngày Thương binh - Liệt sĩ").Select(d => d.Date));
        Assert.Equal(Enumerable.Range(1, 10), due.Select(d => d.Index));
        Assert.All(due, d => Assert.Equal(new DateTimeOffset(d.Date.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero), d.At));
        Assert.Null(due[^1].Next);

        // Each occurrence ran the Occasion branch while the activity kept waiting; Done once, after the last.
        var lines = await engine.WrittenLinesAsync(instanceId);
        Assert.Equal(11, lines.Count);
        Assert.Equal("done", lines[^1]);
        Assert.Equal(5, lines.Count(l => l == "Tết Nguyên đán"));
        var visits = (await engine.Store.ListActivityRecordsAsync(instanceId)).Where(r => r.ActivityId == "visit").Select(r => r.CompletedAt!.Value).Order();
        Assert.Equal(due.Select(d => d.At), visits);
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(instanceId)).SubStatus);
    }

    [Fact]
    public async Task Plan_task_2_3_gives_the_same_occasions_with_its_own_years()
    {
        var (engine, _) = await RunAsync(NewYear2026, new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), ("recurrence", Lit("nhiệm vụ 2.3")));
        await using var _e = engine;

        Assert.Equal(Tet.Concat(WarInvalidsDays).Order(), engine.Notifications.Of<OccasionDue>().Select(d => d.Date));
    }

    [Fact]
    public async Task The_periodic_reports_of_Dang_uy_UBND_fall_at_the_end_of_each_half_year_and_year_end_once_with_both_names()
    {
        var (engine, _) = await RunAsync(NewYear2026, new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), ("recurrence", Lit("cấp dang-uy-ubnd")));
        await using var _e = engine;

        var due = engine.Notifications.Of<OccasionDue>();
        Assert.Equal(Enumerable.Range(2026, 5).SelectMany(y => new[] { new DateOnly(y, 6, 30), new DateOnly(y, 12, 31) }), due.Select(d => d.Date));
        Assert.Equal("Báo cáo 6 tháng", due[0].Name);
        Assert.Equal("Báo cáo 6 tháng; Báo cáo năm", due[1].Name);
    }

    [Fact]
    public async Task Started_on_the_day_before_the_hour_the_day_counts_and_past_occasions_are_not_replayed()
    {
        var (engine, _) = await RunAsync(new DateTimeOffset(2027, 7, 26, 20, 0, 0, TimeSpan.Zero), // 03:00 on 27/7/2027 in Việt Nam
            new DateTimeOffset(2028, 12, 31, 0, 0, 0, TimeSpan.Zero),
            ("recurrence", Lit("27/7 hằng năm")), ("from", Lit("2026")), ("until", Lit("2028")));
        await using var _e = engine;

        Assert.Equal([new DateOnly(2027, 7, 27), new DateOnly(2028, 7, 27)], engine.Notifications.Of<OccasionDue>().Select(d => d.Date));
    }

    [Theory]
    [InlineData("mỗi khi trời mưa", "Recurrence")]
    [InlineData("31/2 hằng năm", "Recurrence")]
    [InlineData("nhiệm vụ 1.1", "Recurrence")] // task 1.1 does not repeat
    public async Task An_unreadable_recurrence_is_an_incident_naming_the_input(string recurrence, string field)
    {
        await using var engine = new ChainEngine(NewYear2026);
        var run = await engine.StartAsync(await engine.PublishAsync(OccasionFlow(("recurrence", Lit(recurrence)), ("until", Lit("2030")))),
            new JsonObject { ["planId"] = "003" });

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.StartsWith(field + ":", Assert.Single((await engine.InstanceAsync(run.InstanceId)).Incidents).Message);
    }
}
