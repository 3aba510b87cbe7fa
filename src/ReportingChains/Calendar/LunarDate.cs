namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch). <see cref="Year"/> is the lunar year whose first day is
/// Tết Nguyên đán of that solar year.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() =>
        $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year} Âm lịch";
}

/// <summary>One month of a lunar year: its number, whether it is the leap (nhuận) repeat, first solar day and length.</summary>
public sealed record LunarMonth(int Month, bool IsLeapMonth, DateOnly FirstDay, int Length);
