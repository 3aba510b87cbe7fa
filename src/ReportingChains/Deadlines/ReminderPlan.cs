namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>
/// When to remind a unit of a deadline (nhắc việc) and when to escalate a laggard (đôn đốc): offsets from the
/// deadline's last day, sent at <see cref="TimeOfDay"/> Vietnam time, and an escalation <see cref="EscalateAfter"/>
/// the last day. Stored in the workflow; <see cref="ReminderScheduler"/> turns it into instants.
/// </summary>
public sealed record ReminderPlan
{
    public IReadOnlyList<ReminderOffset> Offsets { get; init; } = [];

    public TimeOnly TimeOfDay { get; init; } = new(8, 0);

    /// <summary>Grace period after the last day before escalation; at least one day.</summary>
    public ReminderOffset EscalateAfter { get; init; } = new(3, DayUnit.WorkingDays);

    /// <summary>−7d, −3d, −1d, +1d at 08:00; escalate 3 working days after the last day.</summary>
    public static ReminderPlan Default { get; } = Parse("-7d, -3d, -1d, +1d", "+3wd");

    /// <summary>Reads "-7d, -3wd, +1d" (comma or space separated) and an escalation offset such as "+3wd".</summary>
    public static ReminderPlan Parse(string offsets, string escalateAfter, TimeOnly? timeOfDay = null) => new()
    {
        Offsets = offsets.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(ReminderOffset.Parse).ToList(),
        EscalateAfter = ReminderOffset.Parse(escalateAfter),
        TimeOfDay = timeOfDay ?? new TimeOnly(8, 0),
    };
}
