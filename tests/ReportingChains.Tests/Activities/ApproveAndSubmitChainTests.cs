using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

/// <summary>
/// A huyện's chain of plan 004 as the plan workflows wire it: draft → collective → submit via Ban Dân vận, back to
/// drafting on a rejection or a return. Huyện ủy Bát Xát's standing committee in February 2019 has 7 members
/// (quorum 5, approval by 4).
/// </summary>
public class ApproveAndSubmitChainTests
{
    private static readonly DateTimeOffset Start = new(2019, 2, 20, 2, 0, 0, TimeSpan.Zero);

    private static RunTaskRequested LastTask(ChainEngine engine, string taskName) =>
        engine.Notifications.Of<RunTaskRequested>().Last(t => t.TaskName == taskName);

    private static async Task SubmitDraftAsync(ChainEngine engine, PlanTemplate plan, string text, int scholarships) =>
        await engine.Runtime.CompleteTaskAsync(LastTask(engine, DraftReport.TaskName).TaskId, new JsonObject
        {
            ["completedBy"] = "chuyenvien.batxat",
            ["data"] = new JsonObject
            {
                ["action"] = "submit", ["indicators"] = new JsonObject { ["HOCBONG"] = scholarships },
                ["sections"] = new JsonObject(plan.AllSections().Where(s => s.Required).Select(s => KeyValuePair.Create(s.Number, (JsonNode?)$"{text} ({s.Number})"))),
            },
        });

    /// <summary>The latest vote's ballots, in the collective's order, answered through the engine API.</summary>
    private static async Task VoteAsync(ChainEngine engine, params string[] choices)
    {
        var ballots = engine.Notifications.Of<VoteRequested>().Last().Tasks;
        for (var i = 0; i < choices.Length; i++)
            await engine.Runtime.CompleteTaskAsync(ballots[i].TaskId, new JsonObject { ["choice"] = choices[i], ["comment"] = choices[i] == "disagree" ? $"Ý kiến {i + 1}" : null });
    }

    [Fact]
    public async Task Rejected_then_returned_the_report_is_revised_twice_and_every_version_and_attempt_is_kept()
    {
        await using var engine = new ChainEngine(Start);
        var plan = (await engine.Services.GetRequiredService<IPlanTemplates>().FindAsync("004"))!;
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("draft", "WorkflowHost.DraftReport"), Activity("vote", "WorkflowHost.CollectiveApproval"),
                Activity("submit", "WorkflowHost.SubmitReport"), WriteLine("done", "đã tiếp nhận"),
            ],
            ("draft", "Submitted", "vote"), ("vote", "Rejected", "draft"), ("vote", "Approved", "submit"),
            ("submit", "Returned", "draft"), ("submit", "Received", "done"))));
        var run = await engine.StartAsync(definition, new JsonObject
        {
            ["unitCode"] = "HU-BATXAT", ["parentUnitCode"] = "TU", ["planId"] = "004", ["levelKey"] = "huyen", ["deadline"] = "trước ngày 10/3/2019",
        });

        await SubmitDraftAsync(engine, plan, "Bản 1", 3);
        Assert.Equal(7, engine.Notifications.Of<VoteRequested>().Single().Tasks.Count);
        await VoteAsync(engine, "disagree", "disagree", "disagree", "disagree"); // 0 + 3 outstanding < 4: rejected

        var report = Assert.Single(engine.Reports.All);
        Assert.Equal([ReportStatus.Rejected, ReportStatus.Draft], report.Versions.Select(v => v.Status));
        Assert.Equal(["Lý A Lử: Ý kiến 1", "Trịnh Thanh Huyền: Ý kiến 2", "Giàng Seo Pao: Ý kiến 3", "Lù Văn Tân: Ý kiến 4"],
            report.Versions[0].Comments.Where(c => c.Kind == ReportCommentKind.Rejection).Select(c => c.Text));

        await SubmitDraftAsync(engine, plan, "Bản 2", 4);
        Assert.Equal(2, engine.Notifications.Of<VoteRequested>().Last().ReportVersion);
        await VoteAsync(engine, "agree", "agree", "agree", "agree", "abstain"); // quorum 5 reached, 4 agree: approved

        Assert.Equal(ReportStatus.Approved, report.Versions[1].Status);
        var receive = LastTask(engine, SubmitReport.TaskName);
        Assert.Equal(("TU-BDV", 2), (receive.Payload!["unitCode"]!.GetValue<string>(), receive.Payload["reportVersion"]!.GetValue<int>()));
        await engine.Runtime.CompleteTaskAsync(receive.TaskId, new JsonObject { ["action"] = "return", ["reasons"] = new JsonArray("Thiếu số liệu học bổng") });

        Assert.Equal([ReportStatus.Rejected, ReportStatus.Returned, ReportStatus.Draft], report.Versions.Select(v => v.Status));
        await SubmitDraftAsync(engine, plan, "Bản 3", 5);
        await VoteAsync(engine, "agree", "agree", "agree", "agree", "agree");
        await engine.Runtime.CompleteTaskAsync(LastTask(engine, SubmitReport.TaskName).TaskId, new JsonObject { ["action"] = "acknowledge" });

        Assert.Equal(["đã tiếp nhận"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal([ReportStatus.Rejected, ReportStatus.Returned, ReportStatus.Received], report.Versions.Select(v => v.Status));
        Assert.Equal([3m, 4m, 5m], report.Versions.Select(v => v.ValueOf("HOCBONG")!.Value));
        Assert.Equal([(1, ApprovalOutcome.Rejected), (2, ApprovalOutcome.Approved), (3, ApprovalOutcome.Approved)],
            engine.VoteSessions.All.Select(s => (s.ReportVersion, s.Decision!.Outcome)));
        Assert.Equal([(1, 2, SubmissionState.Returned), (2, 3, SubmissionState.Acknowledged)],
            engine.Submissions.All.OrderBy(s => s.Attempt).Select(s => (s.Attempt, s.ReportVersion, s.State)));
        Assert.All(engine.Submissions.All, s => Assert.Equal((report.Id, "TU", "TU-BDV"), (s.ReportId, s.ToUnitCode, s.ViaUnitCode)));
    }
}
