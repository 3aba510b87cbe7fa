using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

/// <summary>Plan 004 (Kết luận 102): a huyện drafts its report from its cơ sở' approved figures.</summary>
public class DraftReportTests
{
    private static readonly DateTimeOffset Start = new(2019, 2, 20, 2, 0, 0, TimeSpan.Zero);

    private static JsonObject HuyenInput(string unit = "HU-BATXAT") => new()
    {
        ["unitCode"] = unit, ["parentUnitCode"] = "TU", ["planId"] = "004", ["levelKey"] = "huyen", ["deadline"] = "trước ngày 10/3/2019",
    };

    private static async Task<PlanTemplate> Plan004Async(ChainEngine engine) =>
        (await engine.Services.GetRequiredService<IPlanTemplates>().FindAsync("004"))!;

    /// <summary>Every required section of the plan written, so only the figures decide.</summary>
    private static JsonObject Sections(PlanTemplate plan, string text) =>
        new(plan.AllSections().Where(s => s.Required).Select(s => KeyValuePair.Create(s.Number, (JsonNode?)$"{text} ({s.Number})")));

    private static JsonObject Answer(string action, JsonObject sections, JsonObject indicators, string by = "chuyenvien.batxat") => new()
    {
        ["completedBy"] = by, ["comment"] = null,
        ["data"] = new JsonObject { ["action"] = action, ["sections"] = sections.DeepClone(), ["indicators"] = indicators.DeepClone() },
    };

    private static RunTaskRequested DraftTask(ChainEngine engine, string unit) =>
        engine.Notifications.Of<RunTaskRequested>().Last(t => t.TaskName == DraftReport.TaskName && t.Payload!["reportUnitCode"]!.GetValue<string>() == unit);

    [Fact]
    public async Task Saving_twice_then_submitting_keeps_the_task_open_until_the_submission_and_records_each_revision()
    {
        await using var engine = new ChainEngine(Start);
        var plan = await Plan004Async(engine);
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Activity("draft", "WorkflowHost.DraftReport"), WriteLine("done", "đã trình")], ("draft", "Submitted", "done"))));
        var run = await engine.StartAsync(definition, HuyenInput());

        var task = DraftTask(engine, "HU-BATXAT");
        Assert.Equal(("HU-BATXAT", "drafter", "2019-03-09"), (task.Payload!["unitCode"]!.GetValue<string>(), task.Payload["role"]!.GetValue<string>(),
            task.Payload["dueAt"]!.GetValue<string>()));
        Assert.Equal(plan.AllSections().Count(), task.Payload["outline"]!.AsArray().Count);
        var report = Assert.Single(engine.Reports.All);
        Assert.Equal((ReportStatus.Draft, "huyen", ReportIds.For("004", run.InstanceId, "HU-BATXAT")), (report.Current.Status, report.LevelKey, report.Id));

        await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("save", new JsonObject { ["P1.I.1"] = "Nháp thứ nhất" }, new JsonObject { ["HOCBONG"] = 3 }));
        await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("save", new JsonObject { ["P1.I.1"] = "Nháp thứ hai" }, new JsonObject { ["HOCBONG"] = "4" }));
        Assert.Equal([1, 2], engine.Notifications.Of<ReportDraftSaved>().Select(s => s.Revision));
        Assert.Equal(("Nháp thứ hai", 4m), (report.Current.TextOf("P1.I.1"), report.Current.ValueOf("HOCBONG")));
        Assert.Empty(await engine.WrittenLinesAsync(run.InstanceId));

        var submitted = await engine.Runtime.CompleteTaskAsync(task.TaskId,
            Answer("submit", Sections(plan, "Đã hoàn thành"), new JsonObject { ["HOCBONG"] = 5, ["HOCBONG-TIEN"] = 12_500_000.5m }));

        Assert.Equal(ResumeOutcome.Resumed, submitted.Outcome);
        Assert.Equal(["đã trình"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal((ReportStatus.Submitted, 1, "chuyenvien.batxat"), (report.Current.Status, report.Versions.Count, report.Current.UpdatedBy));
        Assert.Equal(12_500_000.5m, report.Current.ValueOf("HOCBONG-TIEN"));
        var outputs = await engine.OutputsAsync(run.InstanceId, "draft");
        Assert.Equal((report.Id.ToString(), 1), (outputs["ReportId"]!.GetValue<string>(), outputs["Version"]!.GetValue<int>()));
        Assert.Equal(task.TaskId, Assert.Single(engine.Notifications.Of<RunTaskCompleted>()).TaskId);
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("save", [], []))).Outcome);
    }

    [Fact]
    public async Task A_refused_submission_names_each_field_keeps_the_task_open_and_keeps_what_was_typed()
    {
        await using var engine = new ChainEngine(Start);
        var plan = await Plan004Async(engine);
        var definition = await engine.PublishAsync(Definition(Flowchart([Activity("draft", "WorkflowHost.DraftReport")])));
        var run = await engine.StartAsync(definition, HuyenInput());
        var task = DraftTask(engine, "HU-BATXAT");
        var sections = Sections(plan, "Nội dung");
        var missing = plan.AllSections().First(s => s.Required).Number;
        sections.Remove(missing);

        var refused = await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("submit", sections, new JsonObject { ["HOCBONG"] = -2 }));

        Assert.Equal(ResumeOutcome.Resumed, refused.Outcome);
        var notice = Assert.Single(engine.Notifications.Of<ReportDraftRefused>());
        Assert.Equal(["indicators.HOCBONG", $"sections.{missing}"], notice.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Contains("không được là số âm", notice.Errors.Single(e => e.Field == "indicators.HOCBONG").Message);
        var error = (await engine.OutputsAsync(run.InstanceId, "draft"))["Error"]!.GetValue<string>();
        Assert.Contains($"Mục {missing}", error);
        var report = Assert.Single(engine.Reports.All);
        Assert.Equal((ReportStatus.Draft, -2m), (report.Current.Status, report.Current.ValueOf("HOCBONG"))); // kept as the draft, not submitted
        Assert.Empty(engine.Notifications.Of<RunTaskCompleted>());

        var unreadable = await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("submit", sections, new JsonObject { ["HOCBONG"] = "nhiều" }));
        Assert.Equal(ResumeOutcome.Resumed, unreadable.Outcome);
        Assert.Equal("indicators.HOCBONG", engine.Notifications.Of<ReportDraftRefused>().Last().Errors.Single().Field);

        sections[missing] = "Bổ sung";
        await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("submit", sections, new JsonObject { ["HOCBONG"] = 2 }));
        Assert.Equal(ReportStatus.Submitted, report.Current.Status);
        Assert.Single(engine.Notifications.Of<RunTaskCompleted>());
    }

    [Fact]
    public async Task Reopened_after_a_rejection_it_drafts_a_new_version_showing_the_reasons()
    {
        await using var engine = new ChainEngine(Start);
        var plan = await Plan004Async(engine);
        // The collective's decision is recorded on the report by its own activity; here the test records it between bursts.
        // The second drafting is a second DraftReport node: it finds the same report (plan + instance + unit).
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Activity("draft", "WorkflowHost.DraftReport"), Activity("collective", "Elsa.RunTask", ("taskName", Lit("Thông qua"))),
                Activity("redraft", "WorkflowHost.DraftReport")],
            ("draft", "Submitted", "collective"), ("collective", "Done", "redraft"))));
        var run = await engine.StartAsync(definition, HuyenInput());
        await engine.Runtime.CompleteTaskAsync(DraftTask(engine, "HU-BATXAT").TaskId, Answer("submit", Sections(plan, "Bản 1"), new JsonObject { ["HOCBONG"] = 1 }));
        var report = Assert.Single(engine.Reports.All);
        Assert.True(report.MarkRejected("bithu.batxat", Start.AddDays(1), ["Bổ sung số liệu học bổng"]).Succeeded);

        var collective = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == "Thông qua");
        await engine.Runtime.CompleteTaskAsync(collective.TaskId, "không thông qua");

        var reopened = DraftTask(engine, "HU-BATXAT");
        Assert.Equal(["Bổ sung số liệu học bổng"], reopened.Payload!["reasons"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));
        await engine.Runtime.CompleteTaskAsync(reopened.TaskId, Answer("submit", Sections(plan, "Bản 2"), new JsonObject { ["HOCBONG"] = 4 }));

        Assert.Equal([ReportStatus.Rejected, ReportStatus.Submitted], report.Versions.Select(v => v.Status));
        Assert.Equal((1m, 4m), (report.Versions[0].ValueOf("HOCBONG")!.Value, report.Versions[1].ValueOf("HOCBONG")!.Value));
        Assert.Equal(2, (await engine.OutputsAsync(run.InstanceId, "redraft"))["Version"]!.GetValue<int>());
        Assert.Equal(2, engine.Notifications.Of<RunTaskCompleted>().Count(c => c.TaskId != collective.TaskId));
    }

    [Fact]
    public async Task The_huyen_draft_is_pre_filled_with_the_exact_sum_of_its_co_so_approved_figures_with_each_value_beside()
    {
        await using var engine = new ChainEngine(Start);
        var plan = await Plan004Async(engine);
        await engine.PublishAsync(Definition(Flowchart(
            [Activity("draft", "WorkflowHost.DraftReport"), Activity("collective", "Elsa.RunTask", ("taskName", Lit("Thông qua")))],
            ("draft", "Submitted", "collective")), definitionId: "coso-chain"));
        var huyen = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("request", "WorkflowHost.RequestReports", ("childWorkflowDefinitionId", Lit("coso-chain")), ("deadline", Lit("trước ngày 5/3/2019")),
                    ("selection", Lit("Explicit")), ("units", Lit("CS-BATXAT-01, CS-BATXAT-02")), ("childInput", Lit(new JsonObject { ["levelKey"] = "co-so" }))),
                Activity("draft", "WorkflowHost.DraftReport"),
            ],
            ("request", "AllReported", "draft"))));
        var run = await engine.StartAsync(huyen, HuyenInput());
        await engine.Driver.RunUntilIdleAsync(Start);

        var values = new Dictionary<string, (decimal Count, decimal Money)> { ["CS-BATXAT-01"] = (12, 1_234_567.89m), ["CS-BATXAT-02"] = (30, 0.11m) };
        foreach (var (unit, (count, money)) in values)
            await engine.Runtime.CompleteTaskAsync(DraftTask(engine, unit).TaskId,
                Answer("submit", Sections(plan, unit), new JsonObject { ["HOCBONG"] = count, ["HOCBONG-TIEN"] = money }, by: "chuyenvien." + unit));
        foreach (var child in engine.Reports.All)
            Assert.True(child.MarkApproved("bithu." + child.UnitCode, Start.AddDays(1)).Succeeded); // as their collectives decide
        foreach (var collective in engine.Notifications.Of<RunTaskRequested>().Where(t => t.TaskName == "Thông qua").ToList())
            await engine.Runtime.CompleteTaskAsync(collective.TaskId, "thông qua");
        await engine.Driver.RunUntilIdleAsync(Start);

        var task = DraftTask(engine, "HU-BATXAT");
        var indicators = task.Payload!["indicators"]!.AsArray().ToDictionary(i => i!["code"]!.GetValue<string>());
        Assert.Equal(1_234_568.00m, indicators["HOCBONG-TIEN"]!["childrenSum"]!.GetValue<decimal>());
        Assert.Equal([("CS-BATXAT-01", 12m), ("CS-BATXAT-02", 30m)], indicators["HOCBONG"]!["children"]!.AsArray()
            .Select(c => (c!["unitCode"]!.GetValue<string>(), c["value"]!.GetValue<decimal>())).Order());
        Assert.Null(indicators["TROCAP"]!["childrenSum"]);
        Assert.Equal(["CS-BATXAT-01", "CS-BATXAT-02"], task.Payload["children"]!["reported"]!.AsArray().Select(u => u!.GetValue<string>()).Order());

        var own = engine.Reports.All.Single(r => r.WorkflowInstanceId == run.InstanceId);
        Assert.Equal(("HU-BATXAT", "huyen"), (own.UnitCode, own.LevelKey));
        var entry = own.Current.EntryOf("HOCBONG-TIEN")!;
        Assert.Equal((1_234_568.00m, 1_234_568.00m), (entry.ChildrenSum!.Value, entry.Value!.Value));
        Assert.Equal(42m, own.Current.ValueOf("HOCBONG"));
        Assert.Equal(1_234_567.89m + 0.11m, engine.Notifications.Of<ReportDraftOpened>().Single(o => o.UnitCode == "HU-BATXAT").ChildrenTotals!.Sums["HOCBONG-TIEN"]);
    }

    [Fact]
    public async Task A_unit_adds_its_own_indicators_when_the_plan_allows_and_a_bad_one_is_refused_by_name()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(Definition(Flowchart([Activity("draft", "WorkflowHost.DraftReport")])));
        await engine.StartAsync(definition, HuyenInput());
        var task = DraftTask(engine, "HU-BATXAT");
        Assert.Equal(("DP-", true), (task.Payload!["localIndicators"]!["codePrefix"]!.GetValue<string>(), task.Payload["localIndicators"]!["allowed"]!.GetValue<bool>()));
        JsonObject WithLocal(string code) => new()
        {
            ["action"] = "save",
            ["localIndicators"] = new JsonArray(new JsonObject { ["code"] = code, ["name"] = "Số cây xanh trồng mới", ["unit"] = "cây", ["kind"] = "Count", ["value"] = "1250" }),
        };

        await engine.Runtime.CompleteTaskAsync(task.TaskId, WithLocal("CAYXANH"));
        Assert.Equal("localIndicators.CAYXANH", engine.Notifications.Of<ReportDraftRefused>().Single().Errors.Single().Field);
        await engine.Runtime.CompleteTaskAsync(task.TaskId, WithLocal("DP-CAYXANH"));

        var report = Assert.Single(engine.Reports.All);
        Assert.Equal(("Số cây xanh trồng mới", 1250m), (report.Current.LocalIndicators.Single().Name, report.Current.ValueOf("DP-CAYXANH")!.Value));
    }

    [Fact]
    public async Task Without_a_plan_level_the_activity_fails_naming_the_input()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(Definition(Flowchart([Activity("draft", "WorkflowHost.DraftReport")])));
        var input = HuyenInput();
        input.Remove("levelKey");

        var run = await engine.StartAsync(definition, input);

        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("Level", instance.Incidents.Single().Message);
        Assert.Empty(engine.Reports.All);
    }
}
