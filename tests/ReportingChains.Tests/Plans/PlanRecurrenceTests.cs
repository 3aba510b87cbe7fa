using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.ReportingChains.Tests.Plans;

/// <summary>Plan 003's recurring duties, as written in its plan file, fall on the right days once computed.</summary>
public class PlanRecurrenceTests
{
    private static PlanTemplate Plan003()
    {
        var result = PlanTemplateReader.ReadFile(RepositoryFiles.PathOf("workflows", "plans", "003.plan.json"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Template!;
    }

    [Fact]
    public void Plan003_visits_on_27_7_and_at_Tet_fall_on_the_right_days_2026_to_2030()
    {
        var task = Plan003().Tasks.Single(t => t.Recurrence?.Occasions.Count > 0);

        var days = task.Recurrence!.ToSchedules()
            .SelectMany(r => r.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)))
            .Order().ToList();

        // Tết: the published days for 2026–2029; 2030 follows the new moon at 23:07 on 2/2 in UTC+7 (see
        // LunarCalendarTests.Tet_2030_follows_the_UTC_plus_7_new_moon_of_2_February).
        DateOnly[] tet = [new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 2)];
        var martyrsDays = Enumerable.Range(2026, 5).Select(y => new DateOnly(y, 7, 27));
        Assert.Equal(tet.Concat(martyrsDays).Order(), days);
    }

    [Fact]
    public void Plan003_periodic_reports_fall_due_at_the_end_of_each_half_year_and_year()
    {
        var task = Plan003().Tasks.First(t => t.Recurrence?.Periods.Contains(RecurrencePeriod.HalfYear) == true);

        var due = task.Recurrence!.ToSchedules()
            .SelectMany(r => r.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)))
            .Distinct().Order().ToList();

        var expected = Enumerable.Range(2026, 5).SelectMany(y => new[] { new DateOnly(y, 6, 30), new DateOnly(y, 12, 31) });
        Assert.Equal(expected, due);
    }
}
