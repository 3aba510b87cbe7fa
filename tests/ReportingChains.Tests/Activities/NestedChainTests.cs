using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

/// <summary>Plan 002's shape: the tỉnh requests the huyện; each huyện sets its cơ sở deadline, then requests their reports.</summary>
public class NestedChainTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 1, 1, 0, 0, TimeSpan.Zero);

    private static JsonObject Request(string id, string childDefinitionId, JsonObject deadline, params (string Name, JsonNode? Value)[] selection) =>
        Activity(id, "WorkflowHost.RequestReports", [("childWorkflowDefinitionId", Lit(childDefinitionId)), ("deadline", deadline), .. selection]);

    [Fact]
    public async Task Each_huyen_chooses_its_co_so_deadline_within_its_own_and_the_reports_flow_up_to_the_tinh()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(Definition(Flowchart([WriteLine("report", "báo cáo cơ sở")]), definitionId: "coso-chain"));
        await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("choose", "WorkflowHost.Deadline", ("rule", Lit("do cấp trên quyết định"))),
                Request("request", "coso-chain", Js("return getOutputFrom('choose', 'Resolved');"),
                    ("kinds", Lit("GrassrootsOrganisation, FrontOrganisation"))),
                WriteLine("report", "báo cáo huyện"),
            ],
            ("choose", "Done", "request"), ("request", "AllReported", "report"), ("request", "Deadline", "report")), definitionId: "huyen-chain"));
        var tinh = await engine.PublishAsync(Definition(Flowchart(
            [
                Request("request", "huyen-chain", Lit("trước ngày 30/9/2022"), ("selection", Lit("Explicit")), ("units", Lit("HU-BATXAT, HU-SAPA"))),
                WriteLine("all", "đủ báo cáo"), WriteLine("late", "quá hạn"),
            ],
            ("request", "AllReported", "all"), ("request", "Deadline", "late"))));

        var run = await engine.StartAsync(tinh, new JsonObject { ["unitCode"] = "TU", ["asOf"] = "2022-09-01", ["planId"] = "002" });
        await engine.Driver.RunUntilIdleAsync(Start);

        var tasks = engine.Notifications.Of<DeadlineChoiceRequested>().ToDictionary(t => t.ChooserUnitCode);
        Assert.Equal(["HU-BATXAT", "HU-SAPA"], tasks.Keys.Order());
        Assert.All(tasks.Values, t => Assert.Equal(new DateOnly(2022, 9, 29), t.LatestLastDay));

        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(tasks["HU-BATXAT"].TaskId, "trước ngày 15/10/2022")).Outcome);
        Assert.Single(engine.Notifications.Of<DeadlineChoiceRefused>());
        await engine.Runtime.CompleteTaskAsync(tasks["HU-BATXAT"].TaskId, "trước ngày 20/9/2022");
        await engine.Runtime.CompleteTaskAsync(tasks["HU-SAPA"].TaskId, new JsonObject { ["deadline"] = "trước ngày 25/9/2022" });
        await engine.Driver.RunUntilIdleAsync(Start);

        var requests = engine.Notifications.Of<ReportsRequested>().ToDictionary(r => r.RequestingUnitCode!);
        Assert.Equal(["HU-BATXAT", "HU-SAPA", "TU"], requests.Keys.Order());
        Assert.Equal(13, requests["HU-BATXAT"].Units.Count); // 12 chi bộ/đảng bộ cơ sở + the huyện's front organisation
        Assert.Equal(new DateTimeOffset(2022, 9, 19, 17, 0, 0, TimeSpan.Zero), requests["HU-BATXAT"].DeadlineUtc);
        Assert.Equal(new DateTimeOffset(2022, 9, 24, 17, 0, 0, TimeSpan.Zero), requests["HU-SAPA"].DeadlineUtc);
        var coSo = await engine.InstanceAsync(requests["HU-BATXAT"].Units[0].ChildWorkflowInstanceId);
        Assert.Equal(("HU-BATXAT", "2022-09-19", "002"),
            (coSo.Input["parentUnitCode"]!.GetValue<string>(), coSo.Input["deadline"]!["lastDay"]!.GetValue<string>(), coSo.Input["planId"]!.GetValue<string>()));

        Assert.Equal(["đủ báo cáo"], await engine.WrittenLinesAsync(run.InstanceId));
        var closedAtTinh = engine.Notifications.Of<ReportingClosed>().Single(c => c.WorkflowInstanceId == run.InstanceId);
        Assert.Equal(["HU-BATXAT", "HU-SAPA"], closedAtTinh.Reported.Order());
        Assert.Equal(3, engine.Notifications.Of<ReportingClosed>().Count);
        Assert.All(engine.Notifications.Of<RunTaskRequested>(), t => Assert.Equal("WorkflowHost.ChooseDeadline", t.TaskName));
    }
}
