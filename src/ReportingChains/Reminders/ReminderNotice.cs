namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>A reminder as sent (nhắc việc): to whom, about which deadline, through which channel, with which text.
/// Created by <see cref="UnitReminderSchedule.Send"/>; the outbox delivers it.</summary>
public sealed class ReminderNotice
{
    private readonly List<ReminderRecipient> _recipients = [];

    private ReminderNotice() { }

    internal ReminderNotice(UnitReminderSchedule schedule, PlannedReminder reminder,
        IEnumerable<ReminderRecipient> recipients, ReminderChannel channel, DateTimeOffset sentAt)
    {
        Id = Guid.NewGuid();
        ScheduleId = schedule.Id;
        ReminderId = reminder.Id;
        PlanKey = schedule.PlanKey;
        UnitCode = schedule.UnitCode;
        OffsetLabel = reminder.OffsetLabel;
        SentAt = sentAt;
        Deadline = schedule.Deadline;
        Channel = channel;
        Text = ReminderText.Reminder(reminder.OffsetDays, reminder.InWorkingDays, schedule.UnitName, schedule.Subject,
            schedule.DeadlineLabel);
        _recipients.AddRange(recipients);
    }

    public Guid Id { get; private set; }
    public Guid ScheduleId { get; private set; }
    public Guid ReminderId { get; private set; }
    public string PlanKey { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public IReadOnlyList<ReminderRecipient> Recipients => _recipients;
    public string OffsetLabel { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public ReminderChannel Channel { get; private set; }
    public string Text { get; private set; } = "";
}
