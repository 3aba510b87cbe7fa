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

/// <summary>When something repeats: on yearly occasions and/or every period, over a span of years.</summary>
public sealed class Recurrence
{
    private List<Occasion> _occasions = [];
    private List<RecurrencePeriod> _periods = [];

    private Recurrence() { } // for EF

    public Recurrence(string description, IEnumerable<Occasion> occasions, IEnumerable<RecurrencePeriod> periods,
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
}
