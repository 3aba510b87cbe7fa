using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static WorkingDayCalendar CalendarWith(params HolidayOverride[] overrides) =>
        new(new InMemoryHolidayOverrideSource(overrides));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Holidays_of_2026_by_the_statutory_rules()
    {
        var holidays = await CalendarWith().HolidaysOfAsync(2026);

        Assert.Equal(
            [
                (D(2026, 1, 1), "Tết Dương lịch"),
                (D(2026, 2, 16), "Tết Nguyên đán"), // last day of Ất Tỵ
                (D(2026, 2, 17), "Tết Nguyên đán"), // 1/1 Bính Ngọ
                (D(2026, 2, 18), "Tết Nguyên đán"),
                (D(2026, 2, 19), "Tết Nguyên đán"),
                (D(2026, 2, 20), "Tết Nguyên đán"),
                (D(2026, 4, 26), "Giỗ Tổ Hùng Vương"), // a Sunday…
                (D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"), // …so Monday is off instead
                (D(2026, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước"),
                (D(2026, 5, 1), "Quốc tế Lao động"),
                (D(2026, 9, 1), "Quốc khánh"),
                (D(2026, 9, 2), "Quốc khánh"),
            ],
            holidays.Select(h => (h.Date, h.Name)));
    }

    [Fact]
    public async Task Holidays_on_a_weekend_give_compensatory_days_on_the_next_working_days()
    {
        var calendar = CalendarWith();
        // 2022: Giỗ Tổ 10/4 is a Sunday; 30/4 a Saturday and 1/5 a Sunday.
        var holidays = (await calendar.HolidaysOfAsync(2022)).ToDictionary(h => h.Date);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", holidays[D(2022, 4, 11)].Name);
        Assert.Equal("Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước", holidays[D(2022, 5, 2)].Name);
        Assert.Equal("Nghỉ bù Quốc tế Lao động", holidays[D(2022, 5, 3)].Name);
        Assert.Equal(HolidayKind.Compensatory, holidays[D(2022, 5, 3)].Kind);
        Assert.True(await calendar.IsWorkingDayAsync(D(2022, 5, 4)));

        // 2023: 2/9 is a Saturday; with 1/9 (Friday) as the second day, Monday 4/9 is the compensatory day.
        Assert.False(await calendar.IsWorkingDayAsync(D(2023, 9, 1)));
        Assert.False(await calendar.IsWorkingDayAsync(D(2023, 9, 4)));
        Assert.Equal(D(2023, 9, 5), await calendar.NextWorkingDayAsync(D(2023, 8, 31)));
    }

    [Fact]
    public async Task National_day_has_a_second_day_only_since_2021_and_its_side_is_configurable()
    {
        Assert.True(await CalendarWith().IsWorkingDayAsync(D(2020, 9, 1))); // Tuesday, Labour Code 2012: 2/9 only
        Assert.False(await CalendarWith().IsWorkingDayAsync(D(2020, 9, 2)));

        var afterRule = new WorkingDayCalendar(new InMemoryHolidayOverrideSource(),
            PublicHolidayRules.Default with { NationalDayAdjacentOffset = +1 });
        Assert.True(await afterRule.IsWorkingDayAsync(D(2025, 9, 1)));
        Assert.False(await afterRule.IsWorkingDayAsync(D(2025, 9, 3)));
    }

    [Fact]
    public void Which_Tet_days_are_off_is_configurable()
    {
        // Two days before 1/1 lunar: 15/2 and 16/2/2026 through 19/2/2026; 15/2 is a Sunday → nghỉ bù on 20/2.
        var rules = PublicHolidayRules.Default with { TetDaysBeforeNewYear = 2 };
        var holidays = rules.HolidaysOf(2026).Where(h => h.Date.Month == 2).Select(h => (h.Date, h.Name));
        Assert.Equal(
            [
                (D(2026, 2, 15), "Tết Nguyên đán"), (D(2026, 2, 16), "Tết Nguyên đán"), (D(2026, 2, 17), "Tết Nguyên đán"),
                (D(2026, 2, 18), "Tết Nguyên đán"), (D(2026, 2, 19), "Tết Nguyên đán"), (D(2026, 2, 20), "Nghỉ bù Tết Nguyên đán"),
            ],
            holidays);
        Assert.Throws<InvalidOperationException>(() => (rules with { TetDaysBeforeNewYear = 5 }).HolidaysOf(2026));
    }

    [Fact]
    public async Task Weekends_are_not_working_days_and_ordinary_weekdays_are()
    {
        var calendar = CalendarWith();
        Assert.False(await calendar.IsWorkingDayAsync(D(2022, 9, 24))); // Saturday
        Assert.False(await calendar.IsWorkingDayAsync(D(2022, 9, 25))); // Sunday
        Assert.True(await calendar.IsWorkingDayAsync(D(2022, 9, 29)));  // Thursday
    }

    /// <summary>The worked example of the brief: civil servants were off 14–22/2/2026 for Tết Bính Ngọ.</summary>
    [Fact]
    public async Task Announced_Tet_2026_days_off_for_civil_servants()
    {
        const string reason = "Nghỉ Tết Nguyên đán Bính Ngọ 2026 đối với cán bộ, công chức, viên chức";
        var overrides = Enumerable.Range(14, 9).Select(day => new HolidayOverride(D(2026, 2, day), HolidayOverrideKind.DayOff, reason));
        var calendar = CalendarWith(overrides.ToArray());

        for (int day = 14; day <= 22; day++)
            Assert.False(await calendar.IsWorkingDayAsync(D(2026, 2, day)), $"{day}/2/2026 should be off");
        Assert.True(await calendar.IsWorkingDayAsync(D(2026, 2, 13)));
        Assert.True(await calendar.IsWorkingDayAsync(D(2026, 2, 23)));

        Assert.Equal(D(2026, 2, 23), await calendar.NextWorkingDayAsync(D(2026, 2, 13)));
        Assert.Equal(D(2026, 2, 23), await calendar.AddWorkingDaysAsync(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 13), await calendar.AddWorkingDaysAsync(D(2026, 2, 23), -1));
        Assert.Equal(1, await calendar.WorkingDaysBetweenAsync(D(2026, 2, 13), D(2026, 2, 23)));

        var holidays = (await calendar.HolidaysOfAsync(2026)).Where(h => h.Date.Month == 2).ToList();
        Assert.Equal(9, holidays.Count);
        Assert.Equal((reason, HolidayKind.Announced), (holidays[0].Name, holidays[0].Kind));         // 14/2, a Saturday
        Assert.Equal(("Tết Nguyên đán", HolidayKind.Statutory), (holidays[2].Name, holidays[2].Kind)); // 16/2
    }

    /// <summary>A bridged day paid back by a làm bù Saturday: 2025, Friday 2/5 off, Saturday 26/4 worked.</summary>
    [Fact]
    public async Task A_lam_bu_Saturday_is_a_working_day_and_the_bridged_day_is_off()
    {
        var calendar = CalendarWith(
            new HolidayOverride(D(2025, 5, 2), HolidayOverrideKind.DayOff, "Nghỉ hoán đổi ngày làm việc dịp 30/4 và 1/5/2025"),
            new HolidayOverride(D(2025, 4, 26), HolidayOverrideKind.WorkingDay, "Làm bù cho ngày thứ Sáu 02/5/2025"));

        Assert.True(await calendar.IsWorkingDayAsync(D(2025, 4, 26)));
        Assert.False(await calendar.IsWorkingDayAsync(D(2025, 5, 2)));
        Assert.Equal(D(2025, 5, 5), await calendar.NextWorkingDayAsync(D(2025, 4, 29)));
        // 26/4 (Sat), 28/4, 29/4 and 5/5 — 30/4 to 4/5 are all off.
        Assert.Equal(4, await calendar.WorkingDaysBetweenAsync(D(2025, 4, 25), D(2025, 5, 5)));
        Assert.Equal(-4, await calendar.WorkingDaysBetweenAsync(D(2025, 5, 5), D(2025, 4, 25)));
        Assert.Equal(D(2025, 4, 26), await calendar.AddWorkingDaysAsync(D(2025, 5, 5), -3));
        Assert.DoesNotContain(await calendar.HolidaysOfAsync(2025), h => h.Date == D(2025, 4, 26));
    }

    [Fact]
    public async Task Rolling_keeps_a_working_day_and_moves_a_day_off()
    {
        var calendar = CalendarWith();
        Assert.Equal(D(2019, 3, 8), await calendar.RollForwardAsync(D(2019, 3, 8)));
        Assert.Equal(D(2019, 3, 11), await calendar.RollForwardAsync(D(2019, 3, 9)));   // Saturday → Monday
        Assert.Equal(D(2019, 3, 8), await calendar.RollBackwardAsync(D(2019, 3, 10)));  // Sunday → Friday
        Assert.Equal(D(2019, 3, 8), await calendar.PreviousWorkingDayAsync(D(2019, 3, 11)));
    }

    [Fact]
    public async Task Adding_working_days_crosses_years_and_holidays()
    {
        var calendar = CalendarWith();
        // Wed 31/12/2025 + 1 working day: 1/1/2026 is a holiday → Friday 2/1/2026.
        Assert.Equal(D(2026, 1, 2), await calendar.AddWorkingDaysAsync(D(2025, 12, 31), 1));
        Assert.Equal(D(2025, 12, 31), await calendar.AddWorkingDaysAsync(D(2026, 1, 2), -1));
        Assert.Equal(D(2026, 1, 2), await calendar.AddWorkingDaysAsync(D(2026, 1, 2), 0));
        // 10 working days after Mon 14/9/2026 is Mon 28/9/2026.
        Assert.Equal(D(2026, 9, 28), await calendar.AddWorkingDaysAsync(D(2026, 9, 14), 10));
    }

    [Fact]
    public async Task Each_year_is_loaded_once_and_can_be_invalidated()
    {
        var source = new CountingSource();
        var calendar = new WorkingDayCalendar(source);
        for (int day = 1; day <= 28; day++) await calendar.IsWorkingDayAsync(D(2026, 2, day));
        await calendar.HolidaysOfAsync(2026);
        Assert.Equal(1, source.Calls(2026));

        calendar.Invalidate(2026);
        await calendar.IsWorkingDayAsync(D(2026, 3, 2));
        Assert.Equal(2, source.Calls(2026));
    }

    [Fact]
    public async Task A_failed_load_is_not_cached()
    {
        var source = new CountingSource { FailNext = true };
        var calendar = new WorkingDayCalendar(source);
        await Assert.ThrowsAsync<IOException>(async () => await calendar.IsWorkingDayAsync(D(2026, 3, 2)));
        Assert.True(await calendar.IsWorkingDayAsync(D(2026, 3, 2)));
    }

    [Fact]
    public async Task Two_overrides_for_one_day_are_refused_naming_the_day()
    {
        var calendar = CalendarWith(
            new HolidayOverride(D(2026, 2, 14), HolidayOverrideKind.DayOff, "Nghỉ Tết"),
            new HolidayOverride(D(2026, 2, 14), HolidayOverrideKind.WorkingDay, "Làm bù"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await calendar.IsWorkingDayAsync(D(2026, 1, 5)));
        Assert.Contains("2026-02-14", error.Message);
    }

    private sealed class CountingSource : IHolidayOverrideSource
    {
        private readonly Dictionary<int, int> _calls = [];
        public bool FailNext { get; set; }

        public int Calls(int year) => _calls.GetValueOrDefault(year);

        public Task<IReadOnlyList<HolidayOverride>> GetOverridesAsync(int year, CancellationToken cancellationToken = default)
        {
            _calls[year] = Calls(year) + 1;
            if (FailNext)
            {
                FailNext = false;
                return Task.FromException<IReadOnlyList<HolidayOverride>>(new IOException("database unavailable"));
            }
            return Task.FromResult<IReadOnlyList<HolidayOverride>>([]);
        }
    }
}
