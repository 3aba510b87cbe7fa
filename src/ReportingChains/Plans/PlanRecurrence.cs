using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Plans;

public enum CalendarKind
{
    Solar,
    Lunar,
}

public enum RecurrencePeriod
{
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// <summary>A yearly occasion, e.g. Ngày Thương binh – Liệt sĩ (27/7 solar) or Tết Nguyên đán (1/1 lunar).</summary>
public sealed class Occasion
{
    private Occasion() { } // for EF

    public Occasion(string name, CalendarKind calendar, int day, int month)
    {
        Name = name;
        Calendar = calendar;
        Day = day;
        Month = month;
    }

    public string Name { get; private set; } = "";
    public CalendarKind Calendar { get; private set; }
    public int Day { get; private set; }
    public int Month { get; private set; }
}

/// <summary>When something repeats, as the plan file states it: on yearly occasions and/or every period, over a span of
/// years. <see cref="ToSchedules"/> turns it into the calendar's computable recurrences.</summary>
public sealed class PlanRecurrence
{
    private List<Occasion> _occasions = [];
    private List<RecurrencePeriod> _periods = [];

    private PlanRecurrence() { } // for EF

    public PlanRecurrence(string description, IEnumerable<Occasion> occasions, IEnumerable<RecurrencePeriod> periods,
        int? fromYear, int? toYear)
    {
        Description = description;
        _occasions = [.. occasions];
        _periods = [.. periods];
        FromYear = fromYear;
        ToYear = toYear;
    }

    /// <summary>As written, e.g. "Vào dịp kỷ niệm ngày Thương binh - Liệt sĩ 27/7; Tết Nguyên đán hằng năm."</summary>
    public string Description { get; private set; } = "";

    public IReadOnlyList<Occasion> Occasions => _occasions;
    public IReadOnlyList<RecurrencePeriod> Periods => _periods;
    public int? FromYear { get; private set; }
    public int? ToYear { get; private set; }

    /// <summary>One computable recurrence per occasion and per period, limited to <see cref="FromYear"/>–<see cref="ToYear"/>.
    /// Periodic reports fall due at the end of each period (6-monthly: 30/6 and 31/12).</summary>
    public IReadOnlyList<Calendar.Recurrence> ToSchedules()
    {
        var windowStart = FromYear is { } from ? new DateOnly(from, 1, 1) : (DateOnly?)null;
        var windowEnd = ToYear is { } to ? new DateOnly(to, 12, 31) : (DateOnly?)null;
        var anchorYear = FromYear ?? 2000;
        IEnumerable<Calendar.Recurrence> occasions = _occasions.Select(o => o.Calendar == CalendarKind.Lunar
            ? (Calendar.Recurrence)new YearlyOnLunarDate(o.Month, o.Day)
            : new YearlyOnSolarDate(o.Month, o.Day));
        IEnumerable<Calendar.Recurrence> periods = _periods.Select(p => MonthsIn(p)).Select(months =>
            (Calendar.Recurrence)new EveryNMonths(months, anchorYear, months, DayOfMonth: null));
        return occasions.Concat(periods).Select(r => r with { WindowStart = windowStart, WindowEnd = windowEnd }).ToList();
    }

    private static int MonthsIn(RecurrencePeriod period) => period switch
    {
        RecurrencePeriod.Month => 1,
        RecurrencePeriod.Quarter => 3,
        RecurrencePeriod.HalfYear => 6,
        RecurrencePeriod.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };
}
