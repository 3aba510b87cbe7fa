using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Deadlines;

public static class DeadlineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the working-day calendar, the deadline resolver and the reminder scheduler as singletons (the
    /// calendar's per-year cache is shared). The host must also register an <see cref="IHolidayOverrideSource"/> as
    /// a singleton (e.g. over an EF Core <c>IDbContextFactory</c>) and call <see cref="WorkingDayCalendar.Invalidate"/>
    /// after an admin edits a year's overrides.
    /// </summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(PublicHolidayRules.Default);
        services.TryAddSingleton<WorkingDayCalendar>(sp => new WorkingDayCalendar(
            sp.GetRequiredService<IHolidayOverrideSource>(), sp.GetRequiredService<PublicHolidayRules>()));
        services.TryAddSingleton<DeadlineResolver>();
        services.TryAddSingleton<ReminderScheduler>();
        return services;
    }
}
