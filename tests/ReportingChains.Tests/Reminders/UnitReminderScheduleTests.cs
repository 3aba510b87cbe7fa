using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.ReportingChains.Tests.Reminders;

public class UnitReminderScheduleTests
{
    // Plan 002, huyện level: "trước ngày 30/9/2022" → late from 29/9/2022 17:00 UTC; reminders at 08:00 Vietnam time
    // (01:00 UTC) on the days the deadline helper computed from -7d, -3d, -1d and +1d of the last day 29/9.
    private static readonly DateTimeOffset Deadline = new(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset EightAm(int day) => new(2022, day >= 20 ? 9 : 10, day, 1, 0, 0, TimeSpan.Zero);

    private static readonly ReminderTime[] Times =
    [
        new(-1, false, EightAm(28)),
        new(-7, false, EightAm(22)),
        new(-3, false, EightAm(26)),
        new(+1, false, EightAm(30)),
    ];

    private static readonly ReminderRecipient[] Recipients =
    [
        new("Lò Thị Mai", "chuyenvien.batxat", RecipientRole.Drafter),
        new("Nguyễn Văn Bình", "bithu.batxat", RecipientRole.Head),
    ];

    private static UnitReminderSchedule NewSchedule(DateTimeOffset? escalationAt = null) =>
        UnitReminderSchedule.Plan("002/huyen", "HU-BATXAT", "Huyện ủy Bát Xát",
            "báo cáo sơ kết 10 năm thực hiện Chỉ thị 14", Deadline, "30/9/2022", Times, escalationAt);

    [Fact]
    public void Reminders_are_kept_in_time_order_and_pending()
    {
        var schedule = NewSchedule();

        Assert.Equal(["-7d", "-3d", "-1d", "+1d"], schedule.Reminders.Select(r => r.OffsetLabel));
        Assert.All(schedule.Reminders, r => Assert.Equal(ReminderState.Pending, r.State));
        Assert.Equal(EightAm(22), schedule.NextDueAt);
    }

    [Fact]
    public void Due_lists_the_pending_reminders_whose_time_has_come()
    {
        var schedule = NewSchedule();

        Assert.Empty(schedule.DueAt(EightAm(22).AddTicks(-1)));
        Assert.Equal(["-7d", "-3d"], schedule.DueAt(EightAm(26)).Select(r => r.OffsetLabel));
    }

    [Fact]
    public void Sending_records_a_notice_with_the_vietnamese_text_and_the_recipients()
    {
        var schedule = NewSchedule();
        var due = schedule.DueAt(EightAm(26)).Last();

        var notice = schedule.Send(due.Id, Recipients, ReminderChannel.InApp, EightAm(26).AddSeconds(5));

        Assert.Equal("Nhắc việc: còn 3 ngày đến hạn gửi báo cáo sơ kết 10 năm thực hiện Chỉ thị 14 (hạn: 30/9/2022).",
            notice.Text);
        Assert.Equal(Recipients, notice.Recipients);
        Assert.Equal(("HU-BATXAT", "-3d", Deadline, ReminderChannel.InApp), (notice.UnitCode, notice.OffsetLabel, notice.Deadline, notice.Channel));
        Assert.Equal(ReminderState.Sent, due.State);
        Assert.Equal(EightAm(26).AddSeconds(5), due.SentAt);
        Assert.Equal(["-7d"], schedule.DueAt(EightAm(26)).Select(r => r.OffsetLabel));
    }

    [Fact]
    public void A_reminder_is_sent_once_and_not_before_its_time()
    {
        var schedule = NewSchedule();
        var first = schedule.Reminders[0];

        Assert.Equal("now", Assert.Throws<ReminderException>(() =>
            schedule.Send(first.Id, Recipients, ReminderChannel.InApp, EightAm(21))).Field);
        schedule.Send(first.Id, Recipients, ReminderChannel.InApp, EightAm(22));
        Assert.Equal("reminderId", Assert.Throws<ReminderException>(() =>
            schedule.Send(first.Id, Recipients, ReminderChannel.InApp, EightAm(23))).Field);
    }

    [Fact]
    public void A_reminder_without_recipients_is_refused_and_stays_pending()
    {
        var schedule = NewSchedule();
        var first = schedule.Reminders[0];

        Assert.Equal("recipients", Assert.Throws<ReminderException>(() =>
            schedule.Send(first.Id, [], ReminderChannel.InApp, EightAm(22))).Field);
        Assert.Equal(ReminderState.Pending, first.State);
    }

    [Fact]
    public void Submitting_cancels_the_pending_reminders_and_keeps_the_sent_ones()
    {
        var schedule = NewSchedule(escalationAt: EightAm(4));
        schedule.Send(schedule.Reminders[0].Id, Recipients, ReminderChannel.InApp, EightAm(22));

        int cancelled = schedule.OnSubmitted(EightAm(27));

        Assert.Equal(3, cancelled);
        Assert.Equal([ReminderState.Sent, ReminderState.Cancelled, ReminderState.Cancelled, ReminderState.Cancelled],
            schedule.Reminders.Select(r => r.State));
        Assert.Empty(schedule.DueAt(EightAm(30)));
        Assert.Null(schedule.NextDueAt);
        Assert.False(schedule.IsEscalationDue(EightAm(5)));
        Assert.Equal(0, schedule.OnSubmitted(EightAm(28))); // a retry or a resubmission changes nothing
        Assert.Equal(EightAm(27), schedule.SubmittedAt);
    }

    [Fact]
    public void After_the_deadline_the_reminder_urges_the_late_unit()
    {
        var schedule = NewSchedule();
        var late = schedule.Reminders.Single(r => r.OffsetLabel == "+1d");

        var notice = schedule.Send(late.Id, Recipients, ReminderChannel.Email, EightAm(30));

        Assert.Equal("Đôn đốc: đã quá hạn 1 ngày, Huyện ủy Bát Xát chưa gửi báo cáo sơ kết 10 năm thực hiện Chỉ thị 14 (hạn: 30/9/2022).",
            notice.Text);
    }

    [Theory]
    [InlineData(-3, true, "Nhắc việc: còn 3 ngày làm việc đến hạn gửi báo cáo (hạn: 10/3/2019).")]
    [InlineData(0, false, "Nhắc việc: hôm nay là hạn cuối gửi báo cáo (hạn: 10/3/2019).")]
    [InlineData(2, true, "Đôn đốc: đã quá hạn 2 ngày làm việc, Ban Dân vận chưa gửi báo cáo (hạn: 10/3/2019).")]
    public void Reminder_texts_follow_the_offset(int days, bool workingDays, string expected)
    {
        Assert.Equal(expected, ReminderText.Reminder(days, workingDays, "Ban Dân vận", "báo cáo", "10/3/2019"));
    }

    [Fact]
    public void Offset_labels_read_like_the_reminder_settings()
    {
        Assert.Equal(["-7d", "-3wd", "+0d", "+1d"],
            new ReminderTime[] { new(-7, false, Deadline), new(-3, true, Deadline), new(0, false, Deadline), new(1, false, Deadline) }
                .Select(t => t.OffsetLabel));
    }

    [Fact]
    public void Two_reminders_at_the_same_instant_are_refused()
    {
        var refused = Assert.Throws<ReminderException>(() => UnitReminderSchedule.Plan("002/huyen", "HU-BATXAT",
            "Huyện ủy Bát Xát", "báo cáo", Deadline, "30/9/2022",
            [new(-1, false, EightAm(28)), new(-1, true, EightAm(28))], null));

        Assert.Equal("times", refused.Field);
    }

    [Fact]
    public void Escalation_must_come_after_the_deadline()
    {
        var refused = Assert.Throws<ReminderException>(() => NewSchedule(escalationAt: Deadline));

        Assert.Equal("escalationAt", refused.Field);
    }
}
