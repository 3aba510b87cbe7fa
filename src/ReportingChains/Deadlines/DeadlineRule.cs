using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>
/// How a deadline (thời hạn) is fixed, as stored in a workflow. A rule names a last day (the last local day on which
/// handing in is on time); the deadline instant is the end of that day in Asia/Ho_Chi_Minh. Resolve with
/// <see cref="DeadlineResolver"/>; serialize with <see cref="DeadlineJson"/> (camelCase, "kind" discriminator).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BeforeDateRule), "before")]
[JsonDerivedType(typeof(OnDateRule), "onDate")]
[JsonDerivedType(typeof(EndOfMonthRule), "endOfMonth")]
[JsonDerivedType(typeof(InMonthRule), "inMonth")]
[JsonDerivedType(typeof(InYearRule), "inYear")]
[JsonDerivedType(typeof(RelativeToParentRule), "relativeToParent")]
[JsonDerivedType(typeof(SetByParentRule), "setByParent")]
public abstract record DeadlineRule
{
    public NonWorkingDayPolicy OnNonWorkingDay { get; init; } = NonWorkingDayPolicy.Keep;

    /// <summary>The rule in the plans' Vietnamese; <see cref="DeadlinePhraseParser"/> reads it back.</summary>
    public string Describe() => DescribeDay() + OnNonWorkingDay switch
    {
        NonWorkingDayPolicy.RollForward => DeadlinePhraseParser.RollForwardSuffix,
        NonWorkingDayPolicy.RollBackward => DeadlinePhraseParser.RollBackwardSuffix,
        _ => "",
    };

    protected abstract string DescribeDay();
}

/// <summary>"trước ngày 30/9/2022": on time until the end of the previous day, or of the day itself when
/// <see cref="Inclusive"/> ("đến hết ngày 30/9/2022").</summary>
public sealed record BeforeDateRule(DateOnly Date) : DeadlineRule
{
    public bool Inclusive { get; init; }

    protected override string DescribeDay() =>
        (Inclusive ? "đến hết ngày " : "trước ngày ") + VietnameseDateText.Date(Date);
}

/// <summary>"ngày 22/12/2026": on time until the end of that day.</summary>
public sealed record OnDateRule(DateOnly Date) : DeadlineRule
{
    protected override string DescribeDay() => "ngày " + VietnameseDateText.Date(Date);
}

/// <summary>"cuối tháng 3/2019": the month's last day; with <see cref="NonWorkingDayPolicy.RollBackward"/> its last
/// working day.</summary>
public sealed record EndOfMonthRule(int Year, int Month) : DeadlineRule
{
    protected override string DescribeDay() => "cuối tháng " + VietnameseDateText.Month(Month, Year);
}

/// <summary>"trong tháng 6/2026": due at the end of the month; the work window opens on the 1st.</summary>
public sealed record InMonthRule(int Year, int Month) : DeadlineRule
{
    protected override string DescribeDay() => "trong tháng " + VietnameseDateText.Month(Month, Year);
}

/// <summary>"trong năm 2026" (or "trong năm 2026 - 2027"): due at the end of the (last) year; the window opens on 1/1.</summary>
public sealed record InYearRule(int Year) : DeadlineRule
{
    /// <summary>Last year of a multi-year span; null for a single year.</summary>
    public int? ThroughYear { get; init; }

    protected override string DescribeDay() =>
        ThroughYear is { } through ? $"trong năm {Year} - {through}" : $"trong năm {Year}";
}

/// <summary>N calendar or working days before (negative <see cref="Offset"/>) or after the parent level's deadline.</summary>
public sealed record RelativeToParentRule(int Offset, DayUnit Unit) : DeadlineRule
{
    protected override string DescribeDay()
    {
        if (Offset == 0) return "đúng thời hạn của cấp trên";
        string unit = Unit == DayUnit.WorkingDays ? "ngày làm việc" : "ngày";
        return $"{Math.Abs(Offset)} {unit} {(Offset < 0 ? "trước" : "sau")} thời hạn của cấp trên";
    }
}

/// <summary>Decided at run time by the parent level (plan 002: each huyện sets its cơ sở deadline). Resolving needs
/// the parent's choice (itself a rule, e.g. "trước ngày 15/9/2022") and the parent's own deadline, which the choice
/// may not pass.</summary>
public sealed record SetByParentRule : DeadlineRule
{
    protected override string DescribeDay() => "do cấp trên quyết định";
}
