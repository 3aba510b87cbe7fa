using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Tests.Deadlines;

public class DeadlineServicesTests
{
    [Fact]
    public async Task AddDeadlines_wires_one_shared_calendar_over_the_registered_override_source()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHolidayOverrideSource>(new InMemoryHolidayOverrideSource(
        [
            new HolidayOverride(new DateOnly(2025, 4, 26), HolidayOverrideKind.WorkingDay, "Làm bù cho ngày 02/5/2025"),
        ]));
        services.AddDeadlines();
        using var provider = services.BuildServiceProvider();

        var calendar = provider.GetRequiredService<WorkingDayCalendar>();
        Assert.Same(calendar, provider.GetRequiredService<WorkingDayCalendar>());
        Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2025, 4, 26)));

        var resolver = provider.GetRequiredService<DeadlineResolver>();
        var deadline = await resolver.ResolveAsync(new OnDateRule(new DateOnly(2025, 4, 27))
            { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward });
        Assert.Equal(new DateOnly(2025, 4, 26), deadline.LastDay); // the làm bù Saturday counts as a working day

        Assert.NotNull(provider.GetRequiredService<ReminderScheduler>());
    }
}
