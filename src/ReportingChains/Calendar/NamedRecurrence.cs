namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>A recurrence with the name of what comes back ("Tết Nguyên đán", "Báo cáo 6 tháng").</summary>
public sealed record NamedRecurrence(string Name, Recurrence Recurrence);

/// <summary>One day on which one or more named recurrences fall.</summary>
public sealed record Occurrence(DateOnly Date, IReadOnlyList<string> Names)
{
    /// <summary>"Báo cáo 6 tháng; Báo cáo năm" when two fall on the same day.</summary>
    public string Name => string.Join("; ", Names);
}

public static class NamedRecurrences
{
    /// <summary>The first day strictly after <paramref name="date"/> on which any of <paramref name="recurrences"/>
    /// falls, with every name that falls on it; null when all have ended.</summary>
    public static Occurrence? NextAfter(this IReadOnlyList<NamedRecurrence> recurrences, DateOnly date)
    {
        var next = recurrences.Select(r => (r.Name, Date: r.Recurrence.NextAfter(date))).Where(n => n.Date is not null).ToList();
        if (next.Count == 0) return null;
        var first = next.Min(n => n.Date!.Value);
        return new Occurrence(first, next.Where(n => n.Date == first).Select(n => n.Name).Distinct().ToList());
    }
}
