using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// A date that comes back (plan 003: visits every 27/7 and every Tết, 6-monthly and yearly progress reports),
/// optionally limited to a window such as 2026–2030. Serializable with a "kind" discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(YearlyOnSolarDate), "yearlyOnSolarDate")]
[JsonDerivedType(typeof(YearlyOnLunarDate), "yearlyOnLunarDate")]
[JsonDerivedType(typeof(EveryNMonths), "everyNMonths")]
public abstract record Recurrence
{
    public DateOnly? WindowStart { get; init; }
    public DateOnly? WindowEnd { get; init; }

    /// <summary>The occurrences from <paramref name="from"/> to <paramref name="to"/> (both included) inside the
    /// window, in date order.</summary>
    public IReadOnlyList<DateOnly> Occurrences(DateOnly from, DateOnly to)
    {
        var start = WindowStart is { } ws && ws > from ? ws : from;
        var end = WindowEnd is { } we && we < to ? we : to;
        if (start > end) return [];
        return Candidates(start, end).Where(d => d >= start && d <= end).Distinct().Order().ToList();
    }

    /// <summary>The first occurrence strictly after <paramref name="date"/>, or null when the window has ended.</summary>
    public DateOnly? NextAfter(DateOnly date)
    {
        var from = date.AddDays(1);
        if (WindowStart is { } ws && ws > from) from = ws;
        if (FirstPossibleDay is { } first && first > from) from = first;
        // The longest gap between two occurrences is shorter than MaxGapMonths, so one such span always holds the next.
        return Occurrences(from, from.AddMonths(MaxGapMonths)).Select(d => (DateOnly?)d).FirstOrDefault();
    }

    public string Describe() =>
        DescribeRepetition() + (WindowStart is null && WindowEnd is null
            ? ""
            : $" (từ {WindowStart?.ToString("dd/MM/yyyy") ?? "…"} đến {WindowEnd?.ToString("dd/MM/yyyy") ?? "…"})");

    /// <summary>Occurrences covering [from, to]; may include days just outside it, which are filtered.</summary>
    protected abstract IEnumerable<DateOnly> Candidates(DateOnly from, DateOnly to);

    protected abstract int MaxGapMonths { get; }

    /// <summary>No occurrence comes before this day (the anchor of a periodic recurrence).</summary>
    protected virtual DateOnly? FirstPossibleDay => null;

    protected abstract string DescribeRepetition();
}

/// <summary>Every year on a solar date, e.g. 27/7 (Ngày Thương binh – Liệt sĩ). 29/2 falls on 28/2 in common years.</summary>
public sealed record YearlyOnSolarDate(int Month, int Day) : Recurrence
{
    protected override int MaxGapMonths => 13;

    protected override IEnumerable<DateOnly> Candidates(DateOnly from, DateOnly to)
    {
        if (Month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(Month), Month, "Month must be 1–12.");
        if (Day < 1 || Day > DateTime.DaysInMonth(2024, Month))
            throw new ArgumentOutOfRangeException(nameof(Day), Day, $"Day {Day} does not exist in month {Month}.");
        for (int year = from.Year; year <= to.Year; year++)
            yield return new DateOnly(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
    }

    protected override string DescribeRepetition() => $"hằng năm vào ngày {Day}/{Month}";
}

/// <summary>Every year on a lunar date, computed per year: 1/1 is Tết Nguyên đán. Day 30 of a 29-day month falls on
/// the month's last day (so 30/12 is always the last day of the lunar year); a leap month is never used.</summary>
public sealed record YearlyOnLunarDate(int LunarMonth, int LunarDay) : Recurrence
{
    protected override int MaxGapMonths => 14;

    protected override IEnumerable<DateOnly> Candidates(DateOnly from, DateOnly to)
    {
        if (LunarMonth is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(LunarMonth), LunarMonth, "Lunar month must be 1–12.");
        if (LunarDay is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(LunarDay), LunarDay, "Lunar day must be 1–30.");
        // Lunar months 11 and 12 of lunar year Y fall in solar year Y+1, so start one lunar year earlier.
        for (int lunarYear = from.Year - 1; lunarYear <= to.Year; lunarYear++)
        {
            var month = LunarCalendar.MonthsOf(lunarYear).First(m => m.Month == LunarMonth && !m.IsLeapMonth);
            yield return month.FirstDay.AddDays(Math.Min(LunarDay, month.Length) - 1);
        }
    }

    protected override string DescribeRepetition() =>
        (LunarMonth, LunarDay) == (1, 1)
            ? "hằng năm vào Tết Nguyên đán (1/1 Âm lịch)"
            : $"hằng năm vào ngày {LunarDay}/{LunarMonth} Âm lịch";
}

/// <summary>Every <see cref="IntervalMonths"/> months from the anchor month, on <see cref="DayOfMonth"/> (null: the
/// month's last day; a day past the month's end falls on its last day). E.g. 6-monthly reports due 15/6 and 15/12
/// from 6/2026: (6, 2026, 6, 15); due at the end of each half-year: (6, 2026, 6, null).</summary>
public sealed record EveryNMonths(int IntervalMonths, int AnchorYear, int AnchorMonth, int? DayOfMonth) : Recurrence
{
    protected override int MaxGapMonths => IntervalMonths + 1;

    protected override DateOnly? FirstPossibleDay => AnchorMonth is >= 1 and <= 12 ? new DateOnly(AnchorYear, AnchorMonth, 1) : null;

    protected override IEnumerable<DateOnly> Candidates(DateOnly from, DateOnly to)
    {
        if (IntervalMonths is < 1 or > 120)
            throw new ArgumentOutOfRangeException(nameof(IntervalMonths), IntervalMonths, "Interval must be 1–120 months.");
        if (AnchorMonth is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(AnchorMonth), AnchorMonth, "Anchor month must be 1–12.");
        if (DayOfMonth is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(DayOfMonth), DayOfMonth, "Day of month must be 1–31.");

        int anchor = AnchorYear * 12 + AnchorMonth - 1;
        int first = Math.Max(0, (from.Year * 12 + from.Month - 1 - anchor) / IntervalMonths);
        for (int index = anchor + first * IntervalMonths; index <= to.Year * 12 + to.Month - 1; index += IntervalMonths)
        {
            int year = index / 12, month = index % 12 + 1, days = DateTime.DaysInMonth(year, month);
            yield return new DateOnly(year, month, Math.Min(DayOfMonth ?? days, days));
        }
    }

    protected override string DescribeRepetition()
    {
        string every = IntervalMonths == 12 ? "hằng năm" : $"định kỳ {IntervalMonths} tháng";
        string day = DayOfMonth is { } d ? $"ngày {d}" : "ngày cuối tháng";
        return $"{every}, vào {day} (bắt đầu từ tháng {AnchorMonth}/{AnchorYear})";
    }
}
