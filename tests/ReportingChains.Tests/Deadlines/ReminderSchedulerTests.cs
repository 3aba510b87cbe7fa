using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Tests.Deadlines;

public class ReminderSchedulerTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Vietnam);

    private static async Task<ReminderSchedule> Schedule(ReminderPlan plan, string deadlinePhrase, DateTimeOffset now,
        params HolidayOverride[] overrides)
    {
        var calendar = new WorkingDayCalendar(new InMemoryHolidayOverrideSource(overrides));
        var deadline = await new DeadlineResolver(calendar).ResolveAsync(DeadlinePhraseParser.Parse(deadlinePhrase));
        return await new ReminderScheduler(calendar, new FixedTime(now)).ScheduleAsync(plan, deadline);
    }

    [Fact]
    public async Task Default_plan_reminds_7_3_and_1_days_before_and_1_day_after_the_last_day_at_8()
    {
        // Plan 002: huyện due before 30/9/2022, i.e. last day Thursday 29/9.
        var schedule = await Schedule(ReminderPlan.Default, "trước ngày 30/9/2022", Local(2022, 9, 1, 9));

        Assert.Equal(
            [
                ("-7d", Local(2022, 9, 22, 8), false),
                ("-3d", Local(2022, 9, 26, 8), false),
                ("-1d", Local(2022, 9, 28, 8), false),
                ("+1d", Local(2022, 9, 30, 8), true),
            ],
            schedule.Reminders.Select(r => (r.Offset.ToString(), r.AtUtc, r.IsAfterDeadline)));
        Assert.All(schedule.Reminders, r => Assert.Equal(TimeSpan.Zero, r.AtUtc.Offset));
        Assert.Equal(new DateTimeOffset(2022, 9, 22, 1, 0, 0, TimeSpan.Zero), schedule.Reminders[0].AtUtc);
        Assert.Empty(schedule.Skipped);
        // Escalation 3 working days after Thursday 29/9: Fri 30/9, Mon 3/10, Tue 4/10.
        Assert.Equal(Local(2022, 10, 4, 8), schedule.EscalationUtc);
        Assert.Equal(TimeSpan.Zero, schedule.EscalationUtc.Offset);
    }

    [Fact]
    public async Task Reminders_already_past_are_skipped()
    {
        var schedule = await Schedule(ReminderPlan.Default, "trước ngày 30/9/2022", Local(2022, 9, 26, 12));

        Assert.Equal(["-1d", "+1d"], schedule.Reminders.Select(r => r.Offset.ToString()));
        Assert.Equal(["-7d", "-3d"], schedule.Skipped.Select(r => r.Offset.ToString()));
    }

    [Fact]
    public async Task A_reminder_exactly_now_counts_as_past()
    {
        var schedule = await Schedule(ReminderPlan.Default, "trước ngày 30/9/2022", Local(2022, 9, 28, 8));
        Assert.Equal(["+1d"], schedule.Reminders.Select(r => r.Offset.ToString()));
    }

    [Fact]
    public async Task Working_day_offsets_skip_weekends_and_announced_days_off()
    {
        var tet2026 = Enumerable.Range(14, 9)
            .Select(day => new HolidayOverride(D(2026, 2, day), HolidayOverrideKind.DayOff, "Nghỉ Tết Bính Ngọ"))
            .ToArray();
        var plan = ReminderPlan.Parse("-3wd -1wd +1wd", "+2wd", new TimeOnly(14, 30));

        var schedule = await Schedule(plan, "ngày 24/2/2026", Local(2026, 1, 5, 8), tet2026);

        Assert.Equal(
            [D(2026, 2, 12), D(2026, 2, 23), D(2026, 2, 25)],
            schedule.Reminders.Select(r => r.Day));
        Assert.Equal(Local(2026, 2, 12, 14, 30), schedule.Reminders[0].AtUtc);
        Assert.Equal(Local(2026, 2, 26, 14, 30), schedule.EscalationUtc);
    }

    [Fact]
    public async Task Offsets_landing_on_the_same_instant_give_one_reminder()
    {
        // Last day Thursday 29/9/2022: −1d and −1wd are both Wednesday 28/9.
        var schedule = await Schedule(ReminderPlan.Parse("-1wd, -1d", "+1d"), "trước ngày 30/9/2022", Local(2022, 9, 1, 0));
        Assert.Single(schedule.Reminders);
        Assert.Equal(D(2022, 9, 28), schedule.Reminders[0].Day);
    }

    [Fact]
    public async Task An_escalation_before_the_deadline_is_refused()
    {
        var plan = ReminderPlan.Default with { EscalateAfter = ReminderOffset.Parse("0d") };
        var error = await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            Schedule(plan, "trước ngày 30/9/2022", Local(2022, 9, 1, 0)));
        Assert.Equal("escalateAfter", error.Field);
    }

    [Theory]
    [InlineData("-7d", -7, DayUnit.CalendarDays, "-7d")]
    [InlineData("-3wd", -3, DayUnit.WorkingDays, "-3wd")]
    [InlineData("+1d", 1, DayUnit.CalendarDays, "+1d")]
    [InlineData(" 2WD ", 2, DayUnit.WorkingDays, "+2wd")]
    public void Offsets_are_read_and_written(string text, int days, DayUnit unit, string written)
    {
        var offset = ReminderOffset.Parse(text);
        Assert.Equal(new ReminderOffset(days, unit), offset);
        Assert.Equal(written, offset.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("7 days")]
    [InlineData("-3w")]
    [InlineData("--1d")]
    public void Unreadable_offsets_are_refused_naming_the_text(string text)
    {
        var error = Assert.Throws<DeadlineRuleException>(() => ReminderOffset.Parse(text));
        Assert.Equal("offset", error.Field);
        Assert.Contains($"\"{text}\"", error.Message);
    }

    [Fact]
    public void A_plan_is_stored_as_compact_json()
    {
        var plan = ReminderPlan.Parse("-7d, -3wd, +1d", "+3wd", new TimeOnly(7, 30));
        string json = JsonSerializer.Serialize(plan, DeadlineJson.Options);

        Assert.Contains("\"offsets\":[\"-7d\",\"-3wd\",\"+1d\"]", json);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("07:30:00", (string?)node["timeOfDay"]);
        Assert.Equal("+3wd", (string?)node["escalateAfter"]);

        var back = JsonSerializer.Deserialize<ReminderPlan>(json, DeadlineJson.Options)!;
        Assert.Equal(plan.Offsets, back.Offsets);
        Assert.Equal((plan.TimeOfDay, plan.EscalateAfter), (back.TimeOfDay, back.EscalateAfter));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
