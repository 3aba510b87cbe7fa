using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Persistence.Reporting.Calendar;

/// <summary>
/// A row of the admin-edited holiday override table: the <see cref="HolidayOverride"/> the calendar reads, plus who
/// entered it and when. One row per date (unique).
/// </summary>
public sealed class HolidayOverrideEntry
{
    private HolidayOverrideEntry() { } // for EF

    public HolidayOverrideEntry(HolidayOverride value, string createdBy, DateTimeOffset createdAt)
    {
        Year = value.Year;
        Date = value.Date;
        Kind = value.Kind;
        Reason = value.Reason;
        CreatedBy = createdBy;
        CreatedAtUtc = createdAt.UtcDateTime;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public DateOnly Date { get; private set; }
    public HolidayOverrideKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public HolidayOverride ToOverride() => new(Date, Kind, Reason);
}
