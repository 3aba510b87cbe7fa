namespace WorkflowHost.ReportingChains.Reminders;

public enum ReminderState
{
    Pending,
    Sent,
    /// <summary>The unit submitted before the reminder was due.</summary>
    Cancelled,
}

public enum ReminderChannel
{
    /// <summary>Shown in the recipient's inbox in the application.</summary>
    InApp,
    Email,
}

public enum RecipientRole
{
    /// <summary>Chuyên viên: drafts the unit's report.</summary>
    Drafter,
    /// <summary>The unit's head (bí thư / thủ trưởng).</summary>
    Head,
}

/// <summary>Who receives a reminder: the unit's drafters and head as of the reminder's date, resolved by the caller.</summary>
public sealed record ReminderRecipient(string PersonName, string? UserName, RecipientRole Role);

/// <summary>
/// One planned reminder instant, computed elsewhere from the deadline and the plan's offsets: "-3d" is three calendar
/// days before the deadline's last day, "-1wd" one working day before, "+1d" the first day late.
/// </summary>
public sealed record ReminderTime(int OffsetDays, bool InWorkingDays, DateTimeOffset At)
{
    /// <summary>The offset as the plans' reminder settings write it: "-7d", "-3wd", "+1d".</summary>
    public string OffsetLabel => FormatOffset(OffsetDays, InWorkingDays);

    internal static string FormatOffset(int days, bool inWorkingDays) =>
        $"{(days < 0 ? "-" : "+")}{Math.Abs(days)}{(inWorkingDays ? "wd" : "d")}";
}
