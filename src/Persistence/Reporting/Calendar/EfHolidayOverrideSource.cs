using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Persistence.Reporting.Calendar;

/// <summary>
/// The calendar's override table from the database. The calendar is a singleton and caches a year once read, so each
/// read uses its own short-lived scope; whoever changes the table calls <see cref="WorkingDayCalendar.Invalidate"/>.
/// </summary>
public sealed class EfHolidayOverrideSource(IServiceScopeFactory scopes) : IHolidayOverrideSource
{
    public async Task<IReadOnlyList<HolidayOverride>> GetOverridesAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
        var entries = await db.Set<HolidayOverrideEntry>().AsNoTracking()
            .Where(e => e.Year == year).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        return entries.Select(e => e.ToOverride()).ToList();
    }
}
