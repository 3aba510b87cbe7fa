namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>A day off other than the weekly rest days, with its Vietnamese name.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);

public enum HolidayKind
{
    /// <summary>A public holiday of the Labour Code (Điều 112).</summary>
    Statutory,
    /// <summary>Nghỉ bù: a holiday fell on a weekly day off, so the next working day is off instead.</summary>
    Compensatory,
    /// <summary>A day off announced by the government for the year (from the override table).</summary>
    Announced,
}
