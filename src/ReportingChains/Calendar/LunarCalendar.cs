namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7 (the rule Vietnam has used
/// since 1968; it is why Tết sometimes differs from the Chinese calendar, which uses UTC+8):
/// a month starts on the local day of a new moon; month 11 is the month containing the winter solstice; a year of
/// 13 months between two months 11 repeats the first month that contains no major solar term (sun longitude crossing
/// a multiple of 30°) as the leap month.
/// Dates before 1968 follow the same UTC+7 rule and may differ from the calendars printed at the time.
/// </summary>
public static class LunarCalendar
{
    public const int MinYear = 1800;
    public const int MaxYear = 2199;

    private const double TimeZoneHours = 7;
    private const int JulianDayOfDayNumberZero = 1721426; // DateOnly.DayNumber 0 is 0001-01-01 = JDN 1721426

    /// <summary>The lunar date of a solar (Gregorian) day.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        EnsureSupported(date.Year, nameof(date));
        int day = JulianDay(date);
        // Start from the lunation after the mean one and step back: the true new moon can be up to a day away from
        // the mean one, so one step back is not always enough.
        int k = (int)Math.Floor((day - LunarAstronomy.NewMoonZero) / LunarAstronomy.SynodicMonth) + 1;
        int monthStart;
        while ((monthStart = NewMoonDay(k)) > day) k--;

        int month11 = Month11Start(date.Year);
        int nextMonth11 = month11;
        int lunarYear;
        if (month11 >= monthStart)
        {
            lunarYear = date.Year;
            month11 = Month11Start(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            nextMonth11 = Month11Start(date.Year + 1);
        }

        int monthsSince11 = (int)Math.Floor((monthStart - month11) / 29.0);
        int lunarMonth = monthsSince11 + 11;
        bool isLeap = false;
        if (nextMonth11 - month11 > 365)
        {
            int leapOffset = LeapMonthOffset(month11);
            if (monthsSince11 >= leapOffset)
            {
                lunarMonth = monthsSince11 + 10;
                isLeap = monthsSince11 == leapOffset;
            }
        }
        if (lunarMonth > 12) lunarMonth -= 12;
        if (lunarMonth >= 11 && monthsSince11 < 4) lunarYear -= 1;

        return new LunarDate(lunarYear, lunarMonth, day - monthStart + 1, isLeap);
    }

    /// <summary>The solar day of a lunar date. Throws <see cref="ArgumentOutOfRangeException"/> for a date that does not
    /// exist (day 30 of a 29-day month, or a leap month the year does not have).</summary>
    public static DateOnly ToSolar(LunarDate lunar)
    {
        EnsureSupported(lunar.Year, nameof(lunar));
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "Lunar month must be 1–12 and day 1–30.");

        int month11, nextMonth11;
        if (lunar.Month < 11)
        {
            month11 = Month11Start(lunar.Year - 1);
            nextMonth11 = Month11Start(lunar.Year);
        }
        else
        {
            month11 = Month11Start(lunar.Year);
            nextMonth11 = Month11Start(lunar.Year + 1);
        }

        int k = (int)Math.Floor(0.5 + (month11 - LunarAstronomy.NewMoonZero) / LunarAstronomy.SynodicMonth);
        int offset = lunar.Month - 11;
        if (offset < 0) offset += 12;
        if (nextMonth11 - month11 > 365)
        {
            int leapOffset = LeapMonthOffset(month11);
            if (lunar.IsLeapMonth || offset >= leapOffset) offset += 1;
        }

        var solar = FromJulianDay(NewMoonDay(k + offset) + lunar.Day - 1);
        // A date that does not exist lands in the next month (or on a non-leap month): the round trip exposes it.
        if (FromSolar(solar) != lunar)
            throw new ArgumentOutOfRangeException(nameof(lunar), lunar, $"The lunar date {lunar} does not exist.");
        return solar;
    }

    /// <summary>Tết Nguyên đán (1/1) of the lunar year that starts in the given solar year.</summary>
    public static DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    /// <summary>The months of a lunar year in order, 12 or 13 (with the leap month after its namesake).</summary>
    public static IReadOnlyList<LunarMonth> MonthsOf(int lunarYear)
    {
        var months = new List<LunarMonth>(13);
        var start = NewYear(lunarYear);
        var end = NewYear(lunarYear + 1);
        while (start < end)
        {
            var first = FromSolar(start);
            int length = FromSolar(start.AddDays(29)).Day == 1 ? 29 : 30;
            months.Add(new LunarMonth(first.Month, first.IsLeapMonth, start, length));
            start = start.AddDays(length);
        }
        return months;
    }

    /// <summary>The leap month (tháng nhuận) of a lunar year, or null in a common year.</summary>
    public static int? LeapMonthOf(int lunarYear) =>
        MonthsOf(lunarYear).FirstOrDefault(m => m.IsLeapMonth)?.Month;

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>The local (UTC+7) Julian day number on which the k-th new moon falls.</summary>
    private static int NewMoonDay(int k) =>
        (int)Math.Floor(LunarAstronomy.NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>Index 0–11 of the 30° arc the sun is in at the local midnight starting the given day.</summary>
    private static int SolarTermIndex(int julianDay) =>
        (int)Math.Floor(LunarAstronomy.SunLongitude(julianDay - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>First day of lunar month 11 — the month containing the winter solstice of the solar year.</summary>
    private static int Month11Start(int year)
    {
        int lastDayOfYear = JulianDay(new DateOnly(year, 12, 31));
        int k = (int)Math.Floor((lastDayOfYear - LunarAstronomy.NewMoonZero) / LunarAstronomy.SynodicMonth);
        int newMoon = NewMoonDay(k);
        // If the sun is already past 270° when this month starts, the solstice lies in the previous month.
        return SolarTermIndex(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>In a 13-month year starting at <paramref name="month11"/>, how many months after month 11 the leap
    /// month comes: the first month in which the sun does not enter a new 30° arc.</summary>
    private static int LeapMonthOffset(int month11)
    {
        int k = (int)Math.Floor((month11 - LunarAstronomy.NewMoonZero) / LunarAstronomy.SynodicMonth + 0.5);
        int i = 1;
        int arc = SolarTermIndex(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = arc;
            i++;
            arc = SolarTermIndex(NewMoonDay(k + i));
        } while (arc != previous && i < 14);
        return i - 1;
    }

    private static void EnsureSupported(int year, string parameter)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(parameter, year,
                $"The lunar calendar is computed for the years {MinYear}–{MaxYear}.");
    }
}
