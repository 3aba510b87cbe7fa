using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class SubmitReportTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 20, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReportId = Guid.Parse("3d1f6c2a-8a61-4d0b-a7a4-5c3e1e9b2f02");

    /// <summary>Huyện ủy Bát Xát's chain on the 2022 tree, reporting to the Tỉnh ủy by 30/9/2022 (no plan: the route comes from the tree).</summary>
    private static JsonObject BatXat() => new()
    {
        ["unitCode"] = "HU-BATXAT", ["parentUnitCode"] = "TU", ["asOf"] = "2022-09-01", ["deadline"] = "trước ngày 30/9/2022",
    };

    private static JsonObject Submit(string id, int version) =>
        Activity(id, "WorkflowHost.SubmitReport", ("reportId", Lit(ReportId.ToString())), ("reportVersion", Lit(version)));

    private static RunTaskRequested ReceiveTask(ChainEngine engine) =>
        engine.Notifications.Of<RunTaskRequested>().Last(t => t.TaskName == SubmitReport.TaskName);

    private static JsonObject Answer(string action, string? comment = null, string by = "truongban.bdv") => new()
    {
        ["completedBy"] = by, ["comment"] = comment, ["data"] = new JsonObject { ["action"] = action },
    };

    private static JsonObject Revise() => Activity("revise", "Elsa.RunTask", ("taskName", Lit("Chỉnh sửa báo cáo")));

    private static Task<ResumeResult> ReviseAsync(ChainEngine engine) =>
        engine.Runtime.CompleteTaskAsync(engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == "Chỉnh sửa báo cáo").TaskId, "đã sửa");

    [Fact]
    public async Task The_report_goes_to_the_via_body_of_the_recipient_on_the_tree_date_and_its_acknowledgement_is_Received()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Submit("submit", 1), WriteLine("received", "đã tiếp nhận"), WriteLine("returned", "bị trả lại")],
            ("submit", "Received", "received"), ("submit", "Returned", "returned"))));
        var run = await engine.StartAsync(definition, BatXat());

        // On 1/9/2022 the Tỉnh ủy receives through its Ban Dân vận.
        var task = ReceiveTask(engine);
        Assert.Equal(("TU-BDV", "receiver", "TU", 1), (task.Payload!["unitCode"]!.GetValue<string>(), task.Payload["role"]!.GetValue<string>(),
            task.Payload["toUnitCode"]!.GetValue<string>(), task.Payload["attempt"]!.GetValue<int>()));
        var submission = Assert.Single(engine.Submissions.All);
        Assert.Equal((ReportId, 1, "HU-BATXAT", "TU", "TU-BDV", 1, SubmissionState.Submitted, "bithu.batxat"),
            (submission.ReportId, submission.ReportVersion, submission.FromUnitCode, submission.ToUnitCode, submission.ViaUnitCode,
                submission.Attempt, submission.State, submission.SubmittedBy));
        Assert.Equal((new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero), Timeliness.OnTime), (submission.Deadline, submission.Timeliness));

        var refused = await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("return")); // no reason given
        Assert.Equal(WorkflowSubStatus.Suspended, refused.Run!.SubStatus);
        Assert.Equal("Trả lại báo cáo phải nêu lý do.", (await engine.OutputsAsync(run.InstanceId, "submit"))["Error"]!.GetValue<string>());

        await engine.Runtime.CompleteTaskAsync(task.TaskId, Answer("acknowledge", "Đã nhận đủ"));

        Assert.Equal(["đã tiếp nhận"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal((SubmissionState.Acknowledged, "truongban.bdv"), (submission.State, submission.AcknowledgedBy));
        var received = Assert.Single(engine.Notifications.Of<ReportReceived>());
        Assert.Equal(("truongban.bdv", "Đã nhận đủ"), (received.ReceivedBy, received.Comment));
        Assert.Equal(task.TaskId, Assert.Single(engine.Notifications.Of<RunTaskCompleted>()).TaskId);
    }

    [Fact]
    public async Task A_returned_report_is_resubmitted_as_a_newer_version_linked_to_the_returned_one()
    {
        await using var engine = new ChainEngine(Start);
        // The revised version is drafted and approved in between (here one task); the second hand-off names it.
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Submit("submit", 1), Revise(), Submit("resubmit", 2), WriteLine("received", "đã tiếp nhận")],
            ("submit", "Returned", "revise"), ("revise", "Done", "resubmit"), ("resubmit", "Received", "received"))));
        var run = await engine.StartAsync(definition, BatXat());

        await engine.Runtime.CompleteTaskAsync(ReceiveTask(engine).TaskId, new JsonObject
        {
            ["action"] = "return", ["reasons"] = new JsonArray("Thiếu phụ lục số liệu", "Chưa có chữ ký T/M"),
        });

        await ReviseAsync(engine);
        var returned = Assert.Single(engine.Notifications.Of<ReportReturned>());
        Assert.Equal(["Thiếu phụ lục số liệu", "Chưa có chữ ký T/M"], returned.Reasons);
        Assert.Equal(["Thiếu phụ lục số liệu", "Chưa có chữ ký T/M"],
            (await engine.OutputsAsync(run.InstanceId, "submit"))["ReturnReasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        var second = ReceiveTask(engine);
        Assert.Equal((2, "Tiếp nhận báo cáo của Huyện ủy Bát Xát (gửi lại lần 1)"), (second.Payload!["attempt"]!.GetValue<int>(), second.Payload["title"]!.GetValue<string>()));

        await engine.Runtime.CompleteTaskAsync(second.TaskId, Answer("acknowledge"));

        Assert.Equal(["đã tiếp nhận"], await engine.WrittenLinesAsync(run.InstanceId));
        var attempts = engine.Submissions.All.OrderBy(s => s.Attempt).ToList();
        Assert.Equal([(1, 1, SubmissionState.Returned), (2, 2, SubmissionState.Acknowledged)], attempts.Select(s => (s.Attempt, s.ReportVersion, s.State)));
        Assert.Equal((attempts[1].Id, attempts[0].Id), (attempts[0].ResubmittedAsId!.Value, attempts[1].PreviousSubmissionId!.Value));
        Assert.Equal(["Thiếu phụ lục số liệu", "Chưa có chữ ký T/M"], attempts[0].ReturnReasons);
    }

    [Fact]
    public async Task Resubmitting_the_returned_version_itself_is_an_incident_naming_the_version()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(Definition(Flowchart([Submit("submit", 1), Revise(), Submit("again", 1)],
            ("submit", "Returned", "revise"), ("revise", "Done", "again"))));
        await engine.StartAsync(definition, BatXat());
        await engine.Runtime.CompleteTaskAsync(ReceiveTask(engine).TaskId, Answer("return", "Sai mẫu"));

        var result = await ReviseAsync(engine);

        Assert.StartsWith("ReportVersion:", Assert.Single(result.Run!.Incidents).Message);
        Assert.Single(engine.Submissions.All);
    }

    [Fact]
    public async Task The_plan_levels_via_body_wins_over_the_recipients_own()
    {
        await using var engine = new ChainEngine(new DateTimeOffset(2014, 6, 20, 1, 0, 0, TimeSpan.Zero));
        var definition = await engine.PublishAsync(Definition(Flowchart([Submit("submit", 1)])));
        // Plan 000 (113-KH/TU): the units report to the Tỉnh ủy through its Ban Tổ chức.
        await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "HU-BATXAT", ["planId"] = "000", ["levelKey"] = "don-vi" });

        var submission = Assert.Single(engine.Submissions.All);
        Assert.Equal(("TU", "TU-BTC"), (submission.ToUnitCode, submission.ViaUnitCode));
        Assert.Equal("TU-BTC", ReceiveTask(engine).Payload!["unitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_cancels_the_units_pending_reminders_and_the_reminder_rows_say_so()
    {
        await using var engine = new ChainEngine(new DateTimeOffset(2022, 9, 15, 1, 0, 0, TimeSpan.Zero));
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("fork", "Elsa.FlowFork", ("branches", Lit(new[] { "work", "remind" }))),
                Activity("finish", "Elsa.RunTask", ("taskName", Lit("Hoàn thiện báo cáo"))),
                Submit("submit", 1),
                Activity("remind", "WorkflowHost.Reminders", ("offsets", Lit("-7d, -3d, -1d, +1d")), ("urgingBodyCode", Lit("TU-VP"))),
            ],
            ("fork", "work", "finish"), ("finish", "Done", "submit"), ("fork", "remind", "remind"))));
        var run = await engine.StartAsync(definition, BatXat());
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 9, 27, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(["-7d", "-3d"], engine.Notifications.Of<ReminderDue>().Select(r => r.OffsetLabel));

        var finish = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == "Hoàn thiện báo cáo");
        await engine.Runtime.CompleteTaskAsync(finish.TaskId, "xong");
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, engine.Notifications.Of<ReminderDue>().Count);
        Assert.Empty(engine.Notifications.Of<EscalationRaised>());
        var submitted = Assert.Single(engine.Notifications.Of<ReportSubmitted>());
        Assert.Equal((false, 2, 2), (submitted.Late, submitted.RemindersSent, submitted.RemindersCancelled));
        var schedule = Assert.Single(engine.Reminders.AllSchedules);
        Assert.Equal(($"{run.InstanceId}", "HU-BATXAT"), (schedule.PlanKey, schedule.UnitCode));
        Assert.Equal([ReminderState.Sent, ReminderState.Sent, ReminderState.Cancelled, ReminderState.Cancelled], schedule.Reminders.Select(r => r.State));
        Assert.NotNull(schedule.SubmittedAt);
        Assert.Equal(["-7d", "-3d"], engine.Reminders.AllNotices.Select(n => n.OffsetLabel));
        Assert.Equal(["Phàn Láo Chài", "Vũ Thanh Quyên"], engine.Reminders.AllNotices[0].Recipients.Select(r => r.PersonName));
    }
}
