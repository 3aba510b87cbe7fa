namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// The public holidays of the Labour Code 2019, Điều 112, and the civil service's weekly rest days (Saturday and
/// Sunday). What the government decides afresh each year (which five days of Tết, which day beside 2/9, bridges and
/// làm bù Saturdays) is corrected by the override table, not here.
/// </summary>
public sealed record PublicHolidayRules
{
    public const string NewYearsDay = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string Reunification = "Ngày Giải phóng miền Nam, thống nhất đất nước";
    public const string LabourDay = "Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";
    public const string CompensatoryPrefix = "Nghỉ bù ";

    /// <summary>The rules in force: Tết = last day of the old lunar year + first four of the new; 1/9 beside 2/9.</summary>
    public static PublicHolidayRules Default { get; } = new();

    /// <summary>How many of the five Tết days come before 1/1 lunar (the government picks 1 or 2 each year).</summary>
    public int TetDaysBeforeNewYear { get; init; } = 1;

    public int TetDays { get; init; } = 5;

    /// <summary>The day beside 2/9: 1/9 (−1) or 3/9 (+1).</summary>
    public int NationalDayAdjacentOffset { get; init; } = -1;

    /// <summary>The second Quốc khánh day exists since the Labour Code 2019 took effect (1/1/2021).</summary>
    public int NationalDayAdjacentFromYear { get; init; } = 2021;

    public IReadOnlySet<DayOfWeek> WeeklyDaysOff { get; init; } = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public bool IsWeeklyDayOff(DateOnly date) => WeeklyDaysOff.Contains(date.DayOfWeek);

    /// <summary>The statutory holidays of a solar year and the compensatory days they give, in date order.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        if (NationalDayAdjacentOffset is not (-1 or 1))
            throw new InvalidOperationException($"{nameof(NationalDayAdjacentOffset)} must be -1 (1/9) or +1 (3/9).");
        if (TetDays < 1 || TetDaysBeforeNewYear < 0 || TetDaysBeforeNewYear >= TetDays)
            throw new InvalidOperationException(
                $"{nameof(TetDaysBeforeNewYear)} ({TetDaysBeforeNewYear}) must be between 0 and {nameof(TetDays)} - 1 ({TetDays - 1}).");

        var statutory = new List<Holiday> { Statutory(new DateOnly(year, 1, 1), NewYearsDay) };

        var tet = LunarCalendar.NewYear(year);
        for (int i = -TetDaysBeforeNewYear; i < TetDays - TetDaysBeforeNewYear; i++)
            statutory.Add(Statutory(tet.AddDays(i), LunarNewYear));

        statutory.Add(Statutory(LunarCalendar.ToSolar(new LunarDate(year, 3, 10)), HungKings));
        statutory.Add(Statutory(new DateOnly(year, 4, 30), Reunification));
        statutory.Add(Statutory(new DateOnly(year, 5, 1), LabourDay));
        statutory.Add(Statutory(new DateOnly(year, 9, 2), NationalDay));
        if (year >= NationalDayAdjacentFromYear)
            statutory.Add(Statutory(new DateOnly(year, 9, 2 + NationalDayAdjacentOffset), NationalDay));

        statutory.Sort((a, b) => a.Date.CompareTo(b.Date));
        return WithCompensatoryDays(statutory);
    }

    /// <summary>Điều 111 khoản 3: a holiday on a weekly day off is taken on the next working day instead.</summary>
    private List<Holiday> WithCompensatoryDays(List<Holiday> statutory)
    {
        var daysOff = statutory.Select(h => h.Date).ToHashSet();
        var all = new List<Holiday>(statutory);
        foreach (var holiday in statutory.Where(h => IsWeeklyDayOff(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeeklyDayOff(day) || daysOff.Contains(day)) day = day.AddDays(1);
            daysOff.Add(day);
            all.Add(new Holiday(day, CompensatoryPrefix + holiday.Name, HolidayKind.Compensatory));
        }
        all.Sort((a, b) => a.Date.CompareTo(b.Date));
        return all;
    }

    private static Holiday Statutory(DateOnly date, string name) => new(date, name, HolidayKind.Statutory);
}
