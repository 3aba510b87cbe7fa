using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

/// <summary>Plan 004 at a huyện: three cơ sở requested, two report and are approved, one is still missing at the deadline.</summary>
public class ConsolidateTests
{
    private static readonly DateTimeOffset Start = new(2019, 2, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_the_deadline_it_sums_the_approved_reports_lists_the_missing_unit_and_pre_fills_the_huyen_report()
    {
        await using var engine = new ChainEngine(Start);
        var plan = (await engine.Services.GetRequiredService<IPlanTemplates>().FindAsync("004"))!;
        await engine.PublishAsync(Definition(Flowchart(
            [Activity("draft", "WorkflowHost.DraftReport"), Activity("collective", "Elsa.RunTask", ("taskName", Lit("Thông qua")))],
            ("draft", "Submitted", "collective")), definitionId: "coso-chain"));
        var huyen = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("request", "WorkflowHost.RequestReports", ("childWorkflowDefinitionId", Lit("coso-chain")), ("deadline", Lit("trước ngày 5/3/2019")),
                    ("selection", Lit("Explicit")), ("units", Lit("CS-BATXAT-01, CS-BATXAT-02, CS-BATXAT-03")),
                    ("childInput", Lit(new JsonObject { ["levelKey"] = "co-so" }))),
                Activity("consolidate", "WorkflowHost.Consolidate"),
                Activity("draft", "WorkflowHost.DraftReport"),
            ],
            ("request", "AllReported", "consolidate"), ("request", "Deadline", "consolidate"), ("consolidate", "Done", "draft"))));
        var run = await engine.StartAsync(huyen, new JsonObject
        {
            ["unitCode"] = "HU-BATXAT", ["parentUnitCode"] = "TU", ["planId"] = "004", ["levelKey"] = "huyen", ["deadline"] = "trước ngày 10/3/2019",
        });
        await engine.Driver.RunUntilIdleAsync(Start);

        var section = plan.AllSections().First(s => s.Required).Number;
        var figures = new Dictionary<string, (decimal Count, decimal Money)> { ["CS-BATXAT-01"] = (7, 10_000_000.25m), ["CS-BATXAT-02"] = (5, 2_500_000.5m) };
        foreach (var (unit, (count, money)) in figures)
        {
            var task = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == DraftReport.TaskName && t.Payload!["reportUnitCode"]!.GetValue<string>() == unit);
            var sections = new JsonObject(plan.AllSections().Where(s => s.Required).Select(s => KeyValuePair.Create(s.Number, (JsonNode?)$"{unit}: mục {s.Number}")));
            await engine.Runtime.CompleteTaskAsync(task.TaskId, new JsonObject
            {
                ["action"] = "submit", ["sections"] = sections, ["indicators"] = new JsonObject { ["HOCBONG"] = count, ["HOCBONG-TIEN"] = money },
            });
            Assert.True(engine.Reports.All.Single(r => r.UnitCode == unit).MarkApproved("bithu", Start.AddDays(1)).Succeeded); // as the collective decides
        }
        foreach (var collective in engine.Notifications.Of<RunTaskRequested>().Where(t => t.TaskName == "Thông qua").ToList())
            await engine.Runtime.CompleteTaskAsync(collective.TaskId, "thông qua");
        await engine.Driver.RunUntilIdleAsync(); // to the deadline: CS-BATXAT-03 never submits

        var outputs = await engine.OutputsAsync(run.InstanceId, "consolidate");
        Assert.Equal(["CS-BATXAT-03"], outputs["Missing"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["CS-BATXAT-01", "CS-BATXAT-02"], outputs["Reported"]!.AsArray().Select(u => u!.GetValue<string>()).Order());
        Assert.Equal((12m, 12_500_000.75m), (outputs["Totals"]!["HOCBONG"]!.GetValue<decimal>(), outputs["Totals"]!["HOCBONG-TIEN"]!.GetValue<decimal>()));
        Assert.Equal(["CS-BATXAT-01: mục " + section, "CS-BATXAT-02: mục " + section],
            outputs["Sections"]![section]!.AsArray().Select(t => t!["text"]!.GetValue<string>()).Order());

        var notice = Assert.Single(engine.Notifications.Of<ReportsConsolidated>());
        Assert.Equal(("HU-BATXAT", "CS-BATXAT-03"), (notice.UnitCode, Assert.Single(notice.Missing)));
        var own = engine.Reports.All.Single(r => r.UnitCode == "HU-BATXAT");
        Assert.Equal((run.InstanceId, outputs["ReportId"]!.GetValue<string>()), (own.WorkflowInstanceId, own.Id.ToString()));
        Assert.Equal((12_500_000.75m, 12_500_000.75m), (own.Current.EntryOf("HOCBONG-TIEN")!.ChildrenSum!.Value, own.Current.ValueOf("HOCBONG-TIEN")!.Value));
        var draftTask = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == DraftReport.TaskName && t.Payload!["reportUnitCode"]!.GetValue<string>() == "HU-BATXAT");
        Assert.Equal(["CS-BATXAT-03"], draftTask.Payload!["children"]!["missing"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task Over_many_children_the_drafting_task_keeps_the_exact_sums_but_leaves_out_each_childs_detail()
    {
        const int count = DraftReport.MaxChildDetailsInTask + 1;
        await using var engine = new ChainEngine(Start, InMemoryOrganisation.Generated(count));
        var plan = (await engine.Services.GetRequiredService<IPlanTemplates>().FindAsync("004"))!;
        await engine.PublishAsync(Definition(Flowchart([Activity("collective", "Elsa.RunTask", ("taskName", Lit("Thông qua")))]), definitionId: "unit-chain"));
        var top = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("request", "WorkflowHost.RequestReports", ("childWorkflowDefinitionId", Lit("unit-chain")), ("deadline", Lit("trước ngày 5/3/2019")),
                    ("asOf", Lit("2019-02-20"))),
                Activity("draft", "WorkflowHost.DraftReport"),
            ],
            ("request", "AllReported", "draft"))));
        await engine.StartAsync(top, new JsonObject { ["unitCode"] = "GEN", ["planId"] = "004", ["levelKey"] = "huyen" });
        await engine.Driver.RunUntilIdleAsync(Start);

        var sections = ReportDraftOf(plan);
        foreach (var (unit, i) in Assert.Single(engine.Notifications.Of<ReportsRequested>()).Units.Select((u, i) => (u, i)))
        {
            // Each unit's approved report, as its own chain would have left it.
            var report = Report.Start(Guid.NewGuid(), "004", unit.ChildWorkflowInstanceId, unit.UnitCode, "co-so", "chuyenvien", Start);
            Assert.True(report.SaveDraft(plan, sections with { IndicatorValues = new Dictionary<string, decimal> { ["HOCBONG-TIEN"] = 1000.01m * (i + 1) } }, "chuyenvien", Start).Succeeded);
            Assert.True(report.Submit(plan, "chuyenvien", Start).Succeeded);
            Assert.True(report.MarkApproved("bithu", Start).Succeeded);
            engine.Reports.Add(report);
        }
        foreach (var collective in engine.Notifications.Of<RunTaskRequested>().Where(t => t.TaskName == "Thông qua").ToList())
            await engine.Runtime.CompleteTaskAsync(collective.TaskId, "thông qua");
        await engine.Driver.RunUntilIdleAsync(Start);

        var task = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == DraftReport.TaskName);
        var money = task.Payload!["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "HOCBONG-TIEN")!;
        Assert.Equal(1000.01m * count * (count + 1) / 2, money["childrenSum"]!.GetValue<decimal>());
        Assert.Null(money["children"]);
        Assert.Null(task.Payload["childTexts"]);
        Assert.True(task.Payload["childDetailsOmitted"]!.GetValue<bool>());
        Assert.Equal(count, task.Payload["children"]!["reported"]!.AsArray().Count);
    }

    private static ReportDraft ReportDraftOf(PlanTemplate plan) => new(
        plan.AllSections().Where(s => s.Required).ToDictionary(s => s.Number, s => "Nội dung"), new Dictionary<string, decimal>(), []);

    [Theory]
    [InlineData("WorkflowHost.DraftReport", "Xây dựng báo cáo", "Submitted")]
    [InlineData("WorkflowHost.Consolidate", "Tổng hợp báo cáo", "Done")]
    public async Task Drafting_and_consolidating_are_in_the_Vietnamese_palette_category(string typeName, string displayName, string ports)
    {
        await using var engine = new ChainEngine(DateTimeOffset.UnixEpoch);
        var registration = ((ActivityRegistry)engine.Services.GetService(typeof(ActivityRegistry))!).Find(typeName);
        Assert.NotNull(registration);
        var descriptor = JsonSerializer.SerializeToNode(registration.Descriptor, JsonValues.Options)!.AsObject();

        Assert.Equal(("Chuỗi báo cáo", displayName), (descriptor["category"]!.GetValue<string>(), descriptor["displayName"]!.GetValue<string>()));
        Assert.Equal(ports.Split(','), descriptor["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Contains("báo cáo", descriptor["description"]!.GetValue<string>());
        Assert.All(descriptor["inputs"]!.AsArray().Select(i => i!.AsObject()), input =>
        {
            Assert.NotEqual(input["name"]!.GetValue<string>(), input["displayName"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(input["description"]?.GetValue<string>()), input["name"]!.GetValue<string>());
        });
        Assert.All(descriptor["outputs"]!.AsArray().Select(o => o!.AsObject()), output =>
            Assert.NotEqual(output["name"]!.GetValue<string>(), output["displayName"]!.GetValue<string>()));
    }
}
