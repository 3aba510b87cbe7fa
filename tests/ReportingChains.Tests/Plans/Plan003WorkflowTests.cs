using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.ReportingChains.Tests.Plans;

/// <summary>workflows/plan-003.json: the Lào Cai 2026 implementation plan as a workflow.</summary>
public partial class Plan003WorkflowTests
{
    private static JsonObject Model(string file = "plan-003.json") => WorkflowDefinitionJson.Parse(File.ReadAllText(RepositoryFiles.PathOf("workflows", file)));

    private static IReadOnlyList<JsonObject> Activities() => ((JsonArray)Model()["root"]!["activities"]!).Cast<JsonObject>().ToList();

    [Fact]
    public async Task It_validates_and_publishes_as_plan_003_with_a_Vietnamese_name()
    {
        await using var engine = new ChainEngine(DateTimeOffset.UnixEpoch);
        using var scope = engine.Services.CreateScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>().Validate(Model()).Select(e => $"{e.ActivityId}: {e.Message}"));
        Assert.Equal("plan-003", await engine.PublishAsync(Model()));
        Assert.Equal("Kế hoạch thực hiện Chỉ thị 14-CT/TW (Lào Cai 2026)", Model()["name"]!.GetValue<string>());
    }

    [Fact]
    public void Every_activity_has_a_Vietnamese_name_shown_in_the_designer()
    {
        Assert.All(Activities(), activity =>
        {
            var name = activity["name"]!.GetValue<string>();
            Assert.Matches(VietnameseLetter(), name);
            Assert.Equal(name, activity["metadata"]!["displayText"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Every_node_has_a_position_and_no_two_nodes_overlap()
    {
        var boxes = Activities().Select(a =>
        {
            var designer = a["metadata"]!["designer"]!;
            var position = designer["position"] ?? throw new Xunit.Sdk.XunitException($"{a["id"]} has no position");
            var size = designer["size"];
            return (Id: a["id"]!.GetValue<string>(), X: position["x"]!.GetValue<double>(), Y: position["y"]!.GetValue<double>(),
                W: size?["width"]?.GetValue<double>() ?? 200, H: size?["height"]?.GetValue<double>() ?? 60);
        }).ToList();
        foreach (var a in boxes)
            foreach (var b in boxes.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
                Assert.False(a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H, $"{a.Id} overlaps {b.Id}");
    }

    [Fact]
    public void The_tasks_1_1_to_1_6_and_2_1_to_2_5_are_plan_tasks_with_the_occasions_and_periodic_reports()
    {
        var activities = Activities();
        var tasks = activities.Where(a => a["type"]!.GetValue<string>() == "WorkflowHost.PlanTask")
            .Select(a => a["taskNumber"]!["expression"]!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "2.5"], tasks);
        var recurrences = activities.Where(a => a["type"]!.GetValue<string>() == "WorkflowHost.Occasion")
            .Select(a => a["recurrence"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["cấp dang-uy-ubnd", "nhiệm vụ 2.3"], recurrences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_from_new_year_2026_to_2031_in_virtual_time_it_assigns_the_tasks_and_keeps_every_occasion_and_report()
    {
        await using var engine = new ChainEngine(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await engine.PublishAsync(Model("plan-003-bao-cao-dinh-ky.json"));
        var run = await engine.StartAsync(await engine.PublishAsync(Model()), new JsonObject { ["planId"] = "003" });
        Assert.Empty((await engine.InstanceAsync(run.InstanceId)).Incidents.Select(i => i.Message));

        // The tasks on the two-level tree of the plan's date: 1.1 to every đảng ủy trực thuộc and xã/phường, the
        // others to Đảng ủy UBND tỉnh.
        var snapshot = await engine.Organisation.SnapshotAsync(new DateOnly(2026, 6, 1));
        var committees = snapshot.Children("TU").Where(u => u.Kind is UnitKind.DirectCommittee or UnitKind.CommuneCommittee).Select(u => u.Code).Order(StringComparer.Ordinal);
        var assigned = engine.Notifications.Of<PlanTaskAssigned>().ToDictionary(a => a.TaskNumber);
        Assert.Equal(10, assigned.Count);
        Assert.Equal(committees, assigned["1.1"].Units.Select(u => u.UnitCode));
        Assert.All(assigned.Values.Where(a => a.TaskNumber != "1.1"), a => Assert.Equal(["TU-DUUBND"], a.Units.Select(u => u.UnitCode)));
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 17, 0, 0, TimeSpan.Zero), assigned["1.3"].DueUtc);

        await engine.Runtime.CompleteTaskAsync(assigned["1.3"].Units[0].TaskId,
            new JsonObject { ["action"] = "complete", ["text"] = "Hoàn thành.", ["targets"] = new JsonObject { ["MT-NHATAM"] = 0 } });
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty((await engine.InstanceAsync(run.InstanceId)).Incidents.Select(i => i.Message));

        var occasions = engine.Notifications.Of<OccasionDue>();
        DateOnly[] tet = [new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 2)]; // 2030: computed, published 3/2
        Assert.Equal(tet, occasions.Where(o => o.Name == "Tết Nguyên đán").Select(o => o.Date));
        Assert.Equal(Enumerable.Range(2026, 5).Select(y => new DateOnly(y, 7, 27)), occasions.Where(o => o.Name == "Ngày Thương binh - Liệt sĩ").Select(o => o.Date));
        // Every occasion assigns task 2.3 (visits and gifts) anew.
        Assert.Equal(10, engine.Notifications.Of<PlanTaskAssigned>().Count(a => a.TaskNumber == "2.3"));
        // Đảng ủy UBND tỉnh reports to Ban Thường vụ at the end of each half-year 2026–2030 — each period its own
        // reporting chain (draft, collective approval, hand-off), due 15 days after the period — then the 2030 targets.
        var requested = engine.Notifications.Of<RunTaskRequested>();
        var periodDrafts = requested.Where(t => t.TaskName == DraftReport.TaskName).ToList();
        Assert.Equal(10, periodDrafts.Count);
        Assert.All(periodDrafts, t => Assert.Equal("TU-DUUBND", t.Payload!["unitCode"]!.GetValue<string>()));
        Assert.Equal(10, periodDrafts.Select(t => t.WorkflowInstanceId).Distinct().Count());
        foreach (var period in periodDrafts)
            Assert.Empty((await engine.InstanceAsync(period.WorkflowInstanceId)).Incidents.Select(i => i.Message));
        var firstPeriod = await engine.InstanceAsync(periodDrafts[0].WorkflowInstanceId);
        Assert.Equal("2026-06-30", firstPeriod.Input["asOf"]!.GetValue<string>());
        Assert.Equal("trước ngày 16/7/2026", firstPeriod.Input["deadline"]!.GetValue<string>());
        var review = Assert.Single(requested, t => t.TaskName == "WorkflowHost.PlanTargetsReview");
        Assert.Equal(new DateTimeOffset(2030, 12, 31, 1, 0, 0, TimeSpan.Zero), review.RequestedAt);
        Assert.Equal("TU-DUUBND", review.Payload!["unitCode"]!.GetValue<string>());
        // 1.3 was done in time; the tasks nobody completed passed their due dates once each.
        Assert.DoesNotContain(engine.Notifications.Of<PlanTaskOverdue>(), o => o.TaskNumber == "1.3");
        Assert.Equal(9, engine.Notifications.Of<PlanTaskOverdue>().Select(o => o.TaskNumber).Distinct().Count());
        Assert.Equal(9, engine.Notifications.Of<PlanTaskOverdue>().Count);
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
