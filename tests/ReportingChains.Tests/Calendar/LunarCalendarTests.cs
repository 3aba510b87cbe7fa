using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Tests.Calendar;

public class LunarCalendarTests
{
    [Theory]
    // Published dates of Tết Nguyên đán in Vietnam.
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    // Years where Vietnam (UTC+7) and China (UTC+8) celebrate on different days: 1985 (China 20/2) and 2007 (China 18/2).
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    public void Tet_falls_on_the_published_day(int year, string expected)
    {
        var tet = DateOnly.Parse(expected);
        Assert.Equal(tet, LunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), LunarCalendar.FromSolar(tet));
        Assert.Equal(new LunarDate(year - 1, 12, LunarCalendar.FromSolar(tet.AddDays(-1)).Day),
            LunarCalendar.FromSolar(tet.AddDays(-1)));
    }

    /// <summary>
    /// The brief lists 3/2/2030 as the published Tết 2030. The new moon of February 2030 is at 16:07 UTC on 2/2
    /// (Meeus; also 00:05 UTC+8 on 3/2 — which is why the Chinese calendar starts the year on 3/2). In UTC+7 that is
    /// 23:07 on 2/2, 53 minutes before midnight — far beyond the minutes of error of the series — so the Vietnamese
    /// rule (month starts on the UTC+7 day of the new moon) gives 2/2/2030. We assert what the rule gives and say so;
    /// if the government's calendar fixes 3/2, the holiday override table carries the official days off.
    /// </summary>
    [Fact]
    public void Tet_2030_follows_the_UTC_plus_7_new_moon_of_2_February()
    {
        Assert.Equal(new DateOnly(2030, 2, 2), LunarCalendar.NewYear(2030));
        Assert.Equal(new LunarDate(2029, 12, 29), LunarCalendar.FromSolar(new DateOnly(2030, 2, 1)));
        Assert.Equal(new LunarDate(2030, 1, 2), LunarCalendar.FromSolar(new DateOnly(2030, 2, 3)));
    }

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Gio_To_Hung_Vuong_is_10_3_lunar(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(new LunarDate(year, 3, 10)));
    }

    [Fact]
    public void Year_2020_has_a_leap_fourth_month()
    {
        Assert.Equal(4, LunarCalendar.LeapMonthOf(2020));
        var months = LunarCalendar.MonthsOf(2020);
        Assert.Equal(13, months.Count);
        // Published: 1/4 nhuận Canh Tý = 23/5/2020; the regular 4th month began on 23/4/2020.
        Assert.Equal(new DateOnly(2020, 5, 23), LunarCalendar.ToSolar(new LunarDate(2020, 4, 1, IsLeapMonth: true)));
        Assert.Equal(new DateOnly(2020, 4, 23), LunarCalendar.ToSolar(new LunarDate(2020, 4, 1)));
        Assert.Equal(new LunarDate(2020, 4, 1, true), LunarCalendar.FromSolar(new DateOnly(2020, 5, 23)));
    }

    [Fact]
    public void Year_2023_has_a_leap_second_month()
    {
        Assert.Equal(2, LunarCalendar.LeapMonthOf(2023));
        // Published: 1/2 nhuận Quý Mão = 22/3/2023.
        Assert.Equal(new DateOnly(2023, 3, 22), LunarCalendar.ToSolar(new LunarDate(2023, 2, 1, IsLeapMonth: true)));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    [InlineData(2026)]
    public void Common_years_have_twelve_months_and_no_leap_month(int year)
    {
        Assert.Null(LunarCalendar.LeapMonthOf(year));
        Assert.Equal(12, LunarCalendar.MonthsOf(year).Count);
    }

    [Fact]
    public void Months_of_a_year_are_29_or_30_days_and_contiguous_up_to_the_next_Tet()
    {
        var months = LunarCalendar.MonthsOf(2025); // 2025 has a leap 6th month
        Assert.Equal(6, LunarCalendar.LeapMonthOf(2025));
        Assert.All(months, m => Assert.InRange(m.Length, 29, 30));
        for (int i = 1; i < months.Count; i++)
            Assert.Equal(months[i - 1].FirstDay.AddDays(months[i - 1].Length), months[i].FirstDay);
        Assert.Equal(LunarCalendar.NewYear(2026), months[^1].FirstDay.AddDays(months[^1].Length));
    }

    [Fact]
    public void A_lunar_date_that_does_not_exist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(new LunarDate(2026, 4, 1, IsLeapMonth: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(new LunarDate(2026, 13, 1)));
        var shortMonth = LunarCalendar.MonthsOf(2026).First(m => m.Length == 29);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            LunarCalendar.ToSolar(new LunarDate(2026, shortMonth.Month, 30, shortMonth.IsLeapMonth)));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_round_trips()
    {
        var failures = new List<string>();
        LunarDate previous = LunarCalendar.FromSolar(new DateOnly(1899, 12, 31));
        for (var day = new DateOnly(1900, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(day);
            if (LunarCalendar.ToSolar(lunar) != day) failures.Add($"{day:yyyy-MM-dd} -> {lunar}");
            // Consecutive days are consecutive lunar days, or day 1 of a new month after day 29/30.
            bool continues = lunar.Day == previous.Day + 1 && lunar.Month == previous.Month && lunar.Year == previous.Year;
            bool newMonth = lunar.Day == 1 && previous.Day is 29 or 30;
            if (!continues && !newMonth) failures.Add($"{day:yyyy-MM-dd}: {previous} then {lunar}");
            previous = lunar;
        }
        Assert.Empty(failures);
    }
}
