namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>How a number of days is counted: every calendar day, or only working days of the civil service.</summary>
public enum DayUnit
{
    CalendarDays,
    WorkingDays,
}

/// <summary>What to do when a deadline's last day is not a working day.</summary>
public enum NonWorkingDayPolicy
{
    /// <summary>Keep the day as it is.</summary>
    Keep,
    /// <summary>Move to the next working day (the deadline gets later).</summary>
    RollForward,
    /// <summary>Move to the previous working day ("before" semantics: the deadline gets earlier).</summary>
    RollBackward,
}
