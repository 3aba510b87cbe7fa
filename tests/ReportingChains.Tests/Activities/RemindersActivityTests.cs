using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class RemindersActivityTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>08:00 in Việt Nam on a day of 2022.</summary>
    private static DateTimeOffset At8(int month, int day) => new(2022, month, day, 1, 0, 0, TimeSpan.Zero);

    private static JsonObject UnitChain(string offsets) => Definition(Flowchart(
        [
            Activity("remind", "WorkflowHost.Reminders", ("offsets", Lit(offsets)), ("escalateAfter", Lit("+3wd")),
                ("urgingBodyCode", Lit("TU-BDV")), ("supervisingUnitCode", Lit("TU-UBKT")),
                ("subject", Lit("báo cáo sơ kết 05 năm thực hiện Chỉ thị 14"))),
            WriteLine("done", "submitted"),
        ],
        ("remind", "Submitted", "done")));

    private static async Task<(ChainEngine Engine, string InstanceId)> StartAsync(string offsets)
    {
        var engine = new ChainEngine(Start);
        var resolver = (DeadlineResolver)engine.Services.GetService(typeof(DeadlineResolver))!;
        var deadline = DeadlineValue.ToJson(await resolver.ResolveAsync(DeadlinePhraseParser.Parse("trước ngày 30/9/2022")));
        var run = await engine.StartAsync(await engine.PublishAsync(UnitChain(offsets)),
            new JsonObject { ["unitCode"] = "HU-BATXAT", ["deadline"] = deadline, ["planId"] = "002" });
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        return (engine, run.InstanceId);
    }

    private static Task<IReadOnlyList<ResumeResult>> SubmitAsync(ChainEngine engine, string instanceId) =>
        engine.Runtime.ResumeAsync(RemindUntilSubmitted.SubmittedBookmark, RemindUntilSubmitted.SubmittedKey(instanceId, "HU-BATXAT"));

    [Fact]
    public async Task A_late_unit_is_reminded_at_each_offset_then_escalated_to_the_urging_body_and_submitting_cancels_the_rest()
    {
        var (engine, instanceId) = await StartAsync("-7d, -3d, -1d, +1d, +7d");
        await using var _ = engine;

        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 5, 0, 0, 0, TimeSpan.Zero));

        // Last day Thu 29/9/2022; reminders at 08:00 Việt Nam time.
        var reminders = engine.Notifications.Of<ReminderDue>();
        Assert.Equal(
            [("-7d", At8(9, 22)), ("-3d", At8(9, 26)), ("-1d", At8(9, 28)), ("+1d", At8(9, 30))],
            reminders.Select(r => (r.OffsetLabel, r.SentAt)));
        Assert.All(reminders, r => Assert.Equal(("HU-BATXAT", "Huyện ủy Bát Xát", "002"), (r.UnitCode, r.UnitName, r.PlanId)));
        Assert.Equal([("Phàn Láo Chài", RecipientRole.Drafter), ("Vũ Thanh Quyên", RecipientRole.Head)],
            reminders[0].Recipients.Select(p => (p.PersonName, p.Role)));
        Assert.Equal("Nhắc việc: còn 7 ngày đến hạn gửi báo cáo sơ kết 05 năm thực hiện Chỉ thị 14 (hạn: hết ngày 29/09/2022).", reminders[0].Text);
        Assert.True(reminders[3].IsAfterDeadline);
        Assert.StartsWith("Đôn đốc: đã quá hạn 1 ngày, Huyện ủy Bát Xát chưa gửi", reminders[3].Text);

        // Escalated three working days after the last day: Fri 30/9, Mon 3/10, Tue 4/10.
        var escalation = Assert.Single(engine.Notifications.Of<EscalationRaised>());
        Assert.Equal((At8(10, 4), "TU-BDV", "TU-UBKT", "Đôn đốc đơn vị Huyện ủy Bát Xát"),
            (escalation.RaisedAt, escalation.UrgingBodyCode, escalation.SupervisingUnitCode, escalation.Title));
        var tasks = engine.Notifications.Of<RunTaskRequested>();
        Assert.Equal([(escalation.TaskId, "TU-BDV"), (escalation.SupervisingTaskId!, "TU-UBKT")],
            tasks.Select(t => (t.TaskId, t.Payload!["unitCode"]!.GetValue<string>())));
        Assert.All(tasks, task => Assert.Equal(("WorkflowHost.UrgeUnit", "Escalation", "Head", "Đôn đốc đơn vị Huyện ủy Bát Xát", "HU-BATXAT"),
            (task.TaskName, task.Payload!["kind"]!.GetValue<string>(), task.Payload["role"]!.GetValue<string>(),
                task.Payload["title"]!.GetValue<string>(), task.Payload["laggardUnitCode"]!.GetValue<string>())));

        var submitted = Assert.Single(await SubmitAsync(engine, instanceId));
        Assert.Equal(ResumeOutcome.Resumed, submitted.Outcome);
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(4, engine.Notifications.Of<ReminderDue>().Count); // +7d (6/10) was cancelled
        var report = Assert.Single(engine.Notifications.Of<ReportSubmitted>());
        Assert.Equal((true, 4, 1), (report.Late, report.RemindersSent, report.RemindersCancelled));
        Assert.Equal([escalation.TaskId, escalation.SupervisingTaskId!], report.EscalationTaskIds);
        Assert.Equal(["submitted"], await engine.WrittenLinesAsync(instanceId));
        Assert.Empty(await engine.Store.ListAsync(instanceId));
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(escalation.TaskId, "đã đôn đốc")).Outcome);
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(escalation.SupervisingTaskId!, "đã đôn đốc")).Outcome);
    }

    [Fact]
    public async Task An_escalated_unit_is_still_waited_for_when_the_urging_body_closes_its_task()
    {
        var (engine, instanceId) = await StartAsync("-1d");
        await using var _ = engine;
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 5, 0, 0, 0, TimeSpan.Zero));
        var escalation = Assert.Single(engine.Notifications.Of<EscalationRaised>());

        var urged = await engine.Runtime.CompleteTaskAsync(escalation.TaskId, new JsonObject { ["note"] = "Đã gọi điện đôn đốc" });

        Assert.Equal(WorkflowSubStatus.Suspended, urged.Run!.SubStatus);
        Assert.Single(await SubmitAsync(engine, instanceId));
        Assert.Equal(["submitted"], await engine.WrittenLinesAsync(instanceId));
    }

    [Fact]
    public async Task A_unit_that_submits_early_gets_no_further_reminders_and_no_escalation()
    {
        var (engine, instanceId) = await StartAsync("-7d, -3d, -1d, +1d");
        await using var _ = engine;
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 9, 27, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(["-7d", "-3d"], engine.Notifications.Of<ReminderDue>().Select(r => r.OffsetLabel));

        await SubmitAsync(engine, instanceId);
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, engine.Notifications.Of<ReminderDue>().Count);
        Assert.Empty(engine.Notifications.Of<EscalationRaised>());
        var report = Assert.Single(engine.Notifications.Of<ReportSubmitted>());
        Assert.Equal((false, 2, 2), (report.Late, report.RemindersSent, report.RemindersCancelled));
        Assert.Empty(report.EscalationTaskIds);
        var outputs = await engine.OutputsAsync(instanceId, "remind");
        Assert.Equal(2, outputs["RemindersSent"]!.GetValue<int>());
        Assert.False(outputs["Escalated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unreadable_reminder_offset_is_an_incident_naming_the_input()
    {
        var engine = new ChainEngine(Start);
        await using var _ = engine;
        var run = await engine.StartAsync(await engine.PublishAsync(UnitChain("-7d, một tuần")),
            new JsonObject { ["unitCode"] = "HU-BATXAT", ["deadline"] = "trước ngày 30/9/2022" });

        var incident = Assert.Single(run.Incidents);
        Assert.StartsWith("Offsets:", incident.Message);
        Assert.Contains("một tuần", incident.Message);
    }
}
