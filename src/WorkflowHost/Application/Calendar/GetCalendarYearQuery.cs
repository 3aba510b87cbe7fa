using MediatR;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Application.Validation;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Application.Calendar;

public sealed record GetCalendarYearQuery(int Year) : IQuery<CalendarYearDto>;

public sealed class GetCalendarYearQueryValidator : IRequestValidator<GetCalendarYearQuery>
{
    public IEnumerable<ValidationError> Validate(GetCalendarYearQuery request)
    {
        if (request.Year is < HolidayOverrideRules.FirstYear or > HolidayOverrideRules.LastYear)
            yield return new("year", $"Năm phải trong khoảng {HolidayOverrideRules.FirstYear}–{HolidayOverrideRules.LastYear}.");
    }
}

public sealed class GetCalendarYearQueryHandler(WorkingDayCalendar calendar, WorkflowHostDbContext db)
    : IRequestHandler<GetCalendarYearQuery, CalendarYearDto>
{
    public async Task<CalendarYearDto> Handle(GetCalendarYearQuery request, CancellationToken cancellationToken)
    {
        var holidays = await calendar.HolidaysOfAsync(request.Year, cancellationToken);
        var overrides = await db.Set<HolidayOverrideEntry>().AsNoTracking()
            .Where(e => e.Year == request.Year).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        // Days from 31/12 of the previous year (exclusive) to 31/12 of this one: every day of the year.
        var workingDays = await calendar.WorkingDaysBetweenAsync(new DateOnly(request.Year - 1, 12, 31),
            new DateOnly(request.Year, 12, 31), cancellationToken);
        return new CalendarYearDto(request.Year,
            holidays.Select(h => new HolidayDto(h.Date, h.Name, h.Kind)).ToList(),
            overrides.Select(HolidayOverrideDto.From).ToList(),
            workingDays);
    }
}
