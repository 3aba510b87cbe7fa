using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Application.Calendar;

public sealed record HolidayDto(DateOnly Date, string Name, HolidayKind Kind);

public sealed record HolidayOverrideDto(int Id, DateOnly Date, HolidayOverrideKind Kind, string Reason, string CreatedBy,
    DateTime CreatedAtUtc)
{
    public static HolidayOverrideDto From(HolidayOverrideEntry entry) =>
        new(entry.Id, entry.Date, entry.Kind, entry.Reason, entry.CreatedBy, entry.CreatedAtUtc);
}

/// <summary>A year of the working-day calendar: its days off (statutory, compensatory, announced), the override
/// table, and how many working days it has.</summary>
public sealed record CalendarYearDto(int Year, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<HolidayOverrideDto> Overrides,
    int WorkingDays);
