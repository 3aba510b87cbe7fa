using System.Text.Json;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Tests.Calendar;

/// <summary>Plan 003 (Lào Cai 2026): task 2.3 every 27/7 and every Tết; task 2.4 and section IV by 6-month and yearly
/// plans over 2026–2030.</summary>
public class RecurrenceTests
{
    private static readonly DateOnly From2026 = new(2026, 1, 1);
    private static readonly DateOnly To2030 = new(2030, 12, 31);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static T In2026To2030<T>(T recurrence) where T : Recurrence =>
        recurrence with { WindowStart = From2026, WindowEnd = To2030 };

    [Fact]
    public void War_Invalids_and_Martyrs_Day_every_27_7_from_2026_to_2030()
    {
        var day = In2026To2030(new YearlyOnSolarDate(7, 27));
        Assert.Equal(
            [D(2026, 7, 27), D(2027, 7, 27), D(2028, 7, 27), D(2029, 7, 27), D(2030, 7, 27)],
            day.Occurrences(D(2020, 1, 1), D(2040, 1, 1)));
    }

    [Fact]
    public void Tet_every_year_from_2026_to_2030_is_computed_from_the_lunar_calendar()
    {
        var tet = In2026To2030(new YearlyOnLunarDate(1, 1));
        // Published: 17/2/2026, 6/2/2027, 26/1/2028, 13/2/2029; for 2030 the UTC+7 new moon gives 2/2 (see LunarCalendarTests).
        Assert.Equal(
            [D(2026, 2, 17), D(2027, 2, 6), D(2028, 1, 26), D(2029, 2, 13), D(2030, 2, 2)],
            tet.Occurrences(From2026, To2030));
    }

    [Fact]
    public void Six_monthly_reports_due_15_6_and_15_12_from_2026_to_2030()
    {
        var reports = In2026To2030(new EveryNMonths(6, 2026, 6, 15));
        var expected = Enumerable.Range(2026, 5).SelectMany(y => new[] { D(y, 6, 15), D(y, 12, 15) });
        Assert.Equal(expected, reports.Occurrences(From2026, To2030));
    }

    [Fact]
    public void Reports_due_at_the_end_of_each_half_year_and_yearly()
    {
        var halfYears = new EveryNMonths(6, 2026, 6, DayOfMonth: null);
        Assert.Equal([D(2026, 6, 30), D(2026, 12, 31), D(2027, 6, 30), D(2027, 12, 31)],
            halfYears.Occurrences(From2026, D(2027, 12, 31)));

        var yearly = In2026To2030(new EveryNMonths(12, 2026, 12, 15));
        Assert.Equal([D(2026, 12, 15), D(2027, 12, 15), D(2028, 12, 15), D(2029, 12, 15), D(2030, 12, 15)],
            yearly.Occurrences(D(2000, 1, 1), D(2100, 1, 1)));

        var endOfFebruary = new EveryNMonths(12, 2027, 2, 31);
        Assert.Equal([D(2027, 2, 28), D(2028, 2, 29)], endOfFebruary.Occurrences(From2026, D(2028, 12, 31)));
    }

    [Fact]
    public void Next_after_a_date_respects_the_window()
    {
        var day = In2026To2030(new YearlyOnSolarDate(7, 27));
        Assert.Equal(D(2026, 7, 27), day.NextAfter(D(2024, 3, 1)));
        Assert.Equal(D(2027, 7, 27), day.NextAfter(D(2026, 7, 27)));
        Assert.Equal(D(2030, 7, 27), day.NextAfter(D(2029, 12, 31)));
        Assert.Null(day.NextAfter(D(2030, 7, 27)));

        var tet = new YearlyOnLunarDate(1, 1);
        Assert.Equal(D(2027, 2, 6), tet.NextAfter(D(2026, 2, 17)));
        Assert.Equal(D(2026, 2, 17), tet.NextAfter(D(2025, 1, 29)));

        var reports = new EveryNMonths(6, 2026, 6, 15);
        Assert.Equal(D(2026, 6, 15), reports.NextAfter(D(2025, 1, 1)));
        Assert.Equal(D(2026, 12, 15), reports.NextAfter(D(2026, 6, 15)));
        Assert.Equal(D(2027, 6, 15), reports.NextAfter(D(2026, 12, 20)));
    }

    [Fact]
    public void Lunar_day_30_falls_on_the_last_day_of_a_short_month()
    {
        // 30/12 lunar is always the last day of the lunar year, the eve of Tết.
        var eve = new YearlyOnLunarDate(12, 30);
        Assert.Equal(
            Enumerable.Range(2026, 5).Select(y => LunarCalendar.NewYear(y).AddDays(-1)),
            eve.Occurrences(From2026, To2030));
    }

    [Fact]
    public void The_29th_of_February_falls_on_the_28th_in_common_years()
    {
        Assert.Equal([D(2027, 2, 28), D(2028, 2, 29)],
            new YearlyOnSolarDate(2, 29).Occurrences(D(2027, 1, 1), D(2028, 12, 31)));
    }

    [Fact]
    public void Invalid_recurrences_are_refused_naming_the_field()
    {
        var month = Assert.Throws<ArgumentOutOfRangeException>(() => new YearlyOnSolarDate(13, 1).Occurrences(From2026, To2030));
        Assert.Equal("Month", month.ParamName);
        var interval = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryNMonths(0, 2026, 6, 15).Occurrences(From2026, To2030));
        Assert.Equal("IntervalMonths", interval.ParamName);
    }

    [Fact]
    public void Descriptions_are_Vietnamese()
    {
        Assert.Equal("hằng năm vào ngày 27/7 (từ 01/01/2026 đến 31/12/2030)", In2026To2030(new YearlyOnSolarDate(7, 27)).Describe());
        Assert.Equal("hằng năm vào Tết Nguyên đán (1/1 Âm lịch)", new YearlyOnLunarDate(1, 1).Describe());
        Assert.Equal("định kỳ 6 tháng, vào ngày 15 (bắt đầu từ tháng 6/2026)", new EveryNMonths(6, 2026, 6, 15).Describe());
        Assert.Equal("hằng năm, vào ngày cuối tháng (bắt đầu từ tháng 12/2026)", new EveryNMonths(12, 2026, 12, null).Describe());
    }

    [Fact]
    public void Recurrences_round_trip_through_json_with_a_kind()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Recurrence[] all =
        [
            In2026To2030(new YearlyOnSolarDate(7, 27)),
            new YearlyOnLunarDate(1, 1),
            In2026To2030(new EveryNMonths(6, 2026, 6, null)),
        ];
        foreach (var recurrence in all)
        {
            string json = JsonSerializer.Serialize(recurrence, options);
            Assert.Contains("\"kind\":", json);
            Assert.Equal(recurrence, JsonSerializer.Deserialize<Recurrence>(json, options));
        }
        Assert.Contains("\"kind\":\"yearlyOnLunarDate\"", JsonSerializer.Serialize<Recurrence>(new YearlyOnLunarDate(1, 1), options));
    }
}
