using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.ReportingChains.Tests.Reminders;

public class EscalationTaskTests
{
    private static readonly DateTimeOffset Deadline = new(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EscalationAt = new(2022, 10, 5, 1, 0, 0, TimeSpan.Zero);

    private static UnitReminderSchedule NewSchedule(DateTimeOffset? escalationAt) =>
        UnitReminderSchedule.Plan("002/huyen", "HU-BATXAT", "Huyện ủy Bát Xát",
            "báo cáo sơ kết 10 năm thực hiện Chỉ thị 14", Deadline, "30/9/2022", [], escalationAt);

    [Fact]
    public void A_laggard_is_escalated_to_the_urging_body_and_the_supervising_committee()
    {
        var schedule = NewSchedule(EscalationAt);
        Assert.False(schedule.IsEscalationDue(EscalationAt.AddTicks(-1)));
        Assert.True(schedule.IsEscalationDue(EscalationAt));

        var task = schedule.Escalate("TU-VP", "TU", EscalationAt, due: EscalationAt.AddDays(3));

        Assert.Equal("Đôn đốc đơn vị Huyện ủy Bát Xát", task.Title);
        Assert.Equal("Huyện ủy Bát Xát chưa gửi báo cáo sơ kết 10 năm thực hiện Chỉ thị 14 (hạn: 30/9/2022). " +
                     "Đề nghị đôn đốc đơn vị gửi báo cáo.", task.Description);
        Assert.Equal(["TU-VP", "TU"], task.AssigneeUnitCodes);
        Assert.Equal(("HU-BATXAT", EscalationState.Open, EscalationAt), (task.LaggardUnitCode, task.State, task.CreatedAt));
        Assert.Equal((Guid?)task.Id, schedule.EscalationTaskId);
        Assert.False(schedule.IsEscalationDue(EscalationAt.AddDays(1)));
    }

    [Fact]
    public void A_unit_is_escalated_only_once()
    {
        var schedule = NewSchedule(EscalationAt);
        schedule.Escalate("TU-BDV", null, EscalationAt, null);

        Assert.Throws<ReminderException>(() => schedule.Escalate("TU-BDV", null, EscalationAt.AddHours(1), null));
    }

    [Fact]
    public void A_unit_that_submitted_is_not_escalated()
    {
        var schedule = NewSchedule(EscalationAt);
        schedule.OnSubmitted(Deadline.AddDays(1));

        Assert.False(schedule.IsEscalationDue(EscalationAt));
        Assert.Throws<ReminderException>(() => schedule.Escalate("TU-VP", "TU", EscalationAt, null));
        Assert.Null(schedule.EscalationTaskId);
    }

    [Fact]
    public void Without_an_escalation_instant_nobody_is_escalated()
    {
        Assert.False(NewSchedule(escalationAt: null).IsEscalationDue(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void The_urging_body_completes_the_task()
    {
        var task = NewSchedule(EscalationAt).Escalate("TU-VP", "TU", EscalationAt, null);

        task.Complete("chanhvanphong.tu", EscalationAt.AddDays(1), "Đã gọi điện đôn đốc");

        Assert.Equal((EscalationState.Done, "chanhvanphong.tu", "Đã gọi điện đôn đốc"), (task.State, task.ClosedBy, task.Note));
        Assert.Throws<ReminderException>(() => task.Cancel("x", EscalationAt.AddDays(2), "Không cần"));
    }

    [Fact]
    public void The_unit_submitting_closes_an_open_task_and_leaves_a_closed_one_alone()
    {
        var schedule = NewSchedule(EscalationAt);
        var task = schedule.Escalate("TU-VP", "TU", EscalationAt, null);

        task.OnUnitSubmitted(EscalationAt.AddDays(2));
        task.OnUnitSubmitted(EscalationAt.AddDays(3));

        Assert.Equal((EscalationState.Done, (string?)null, EscalationAt.AddDays(2)), (task.State, task.ClosedBy, task.ClosedAt!.Value));
        Assert.Equal("Đơn vị đã gửi báo cáo.", task.Note);
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        var task = NewSchedule(EscalationAt).Escalate("TU-VP", "TU", EscalationAt, null);

        Assert.Equal("reason", Assert.Throws<ReminderException>(() => task.Cancel("admin", EscalationAt, " ")).Field);
        task.Cancel("admin", EscalationAt.AddHours(1), "Kế hoạch đã điều chỉnh");
        Assert.Equal(EscalationState.Cancelled, task.State);
    }

    [Fact]
    public void An_escalation_due_before_it_is_created_is_refused()
    {
        var schedule = NewSchedule(EscalationAt);

        Assert.Equal("due", Assert.Throws<ReminderException>(() =>
            schedule.Escalate("TU-VP", "TU", EscalationAt, due: EscalationAt)).Field);
        Assert.Null(schedule.EscalationTaskId);
    }
}
