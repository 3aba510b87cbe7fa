namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>A reminder of a <see cref="UnitReminderSchedule"/>: due at an instant, then sent or cancelled.</summary>
public sealed class PlannedReminder
{
    private PlannedReminder() { }

    internal PlannedReminder(ReminderTime time)
    {
        Id = Guid.NewGuid();
        OffsetDays = time.OffsetDays;
        InWorkingDays = time.InWorkingDays;
        DueAt = time.At.ToUniversalTime();
        State = ReminderState.Pending;
    }

    public Guid Id { get; private set; }
    public int OffsetDays { get; private set; }
    public bool InWorkingDays { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ReminderState State { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public string OffsetLabel => ReminderTime.FormatOffset(OffsetDays, InWorkingDays);

    internal void MarkSent(DateTimeOffset at)
    {
        State = ReminderState.Sent;
        SentAt = at;
    }

    internal void Cancel(DateTimeOffset at)
    {
        State = ReminderState.Cancelled;
        CancelledAt = at;
    }
}
