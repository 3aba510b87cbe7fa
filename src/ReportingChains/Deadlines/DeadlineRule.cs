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

    /// <summary>Checks the rule's own fields (not what it needs at run time); throws
    /// <see cref="DeadlineRuleException"/> naming the field. Call on import; the resolver calls it too.</summary>
    public virtual void Validate() { }

    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    protected static void EnsureYear(int year, string field)
    {
        if (year is < MinYear or > MaxYear)
            throw new DeadlineRuleException(field,
                $"Năm {year} nằm ngoài khoảng hỗ trợ {MinYear}–{MaxYear}.",
                $"{field}: year {year} is outside the supported range {MinYear}–{MaxYear}.");
    }

    protected static void EnsureMonth(int month)
    {
        if (month is < 1 or > 12)
            throw new DeadlineRuleException("month",
                $"Tháng {month} không hợp lệ (phải từ 1 đến 12).",
                $"month: {month} is invalid (must be 1–12).");
    }
}

/// <summary>"trước ngày 30/9/2022": on time until the end of the previous day, or of the day itself when
/// <see cref="Inclusive"/> ("đến hết ngày 30/9/2022").</summary>
public sealed record BeforeDateRule(DateOnly Date) : DeadlineRule
{
    public bool Inclusive { get; init; }

    protected override string DescribeDay() =>
        (Inclusive ? "đến hết ngày " : "trước ngày ") + VietnameseDateText.Date(Date);

    public override void Validate() => EnsureYear(Date.Year, "date");
}

/// <summary>"ngày 22/12/2026": on time until the end of that day.</summary>
public sealed record OnDateRule(DateOnly Date) : DeadlineRule
{
    protected override string DescribeDay() => "ngày " + VietnameseDateText.Date(Date);

    public override void Validate() => EnsureYear(Date.Year, "date");
}

/// <summary>"cuối tháng 3/2019": the month's last day; with <see cref="NonWorkingDayPolicy.RollBackward"/> its last
/// working day.</summary>
public sealed record EndOfMonthRule(int Year, int Month) : DeadlineRule
{
    protected override string DescribeDay() => "cuối tháng " + VietnameseDateText.Month(Month, Year);

    public override void Validate()
    {
        EnsureYear(Year, "year");
        EnsureMonth(Month);
    }
}

/// <summary>"trong tháng 6/2026": due at the end of the month; the work window opens on the 1st.</summary>
public sealed record InMonthRule(int Year, int Month) : DeadlineRule
{
    protected override string DescribeDay() => "trong tháng " + VietnameseDateText.Month(Month, Year);

    public override void Validate()
    {
        EnsureYear(Year, "year");
        EnsureMonth(Month);
    }
}

/// <summary>"trong năm 2026" (or "trong năm 2026 - 2027"): due at the end of the (last) year; the window opens on 1/1.</summary>
public sealed record InYearRule(int Year) : DeadlineRule
{
    /// <summary>Last year of a multi-year span; null for a single year.</summary>
    public int? ThroughYear { get; init; }

    protected override string DescribeDay() =>
        ThroughYear is { } through ? $"trong năm {Year} - {through}" : $"trong năm {Year}";

    public override void Validate()
    {
        EnsureYear(Year, "year");
        if (ThroughYear is not { } through) return;
        EnsureYear(through, "throughYear");
        if (through < Year)
            throw new DeadlineRuleException("throughYear",
                $"Năm kết thúc ({through}) trước năm bắt đầu ({Year}).",
                $"throughYear: {through} is before year {Year}.");
    }
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

    public override void Validate()
    {
        if (Offset is < -366 or > 366)
            throw new DeadlineRuleException("offset",
                $"Số ngày so với thời hạn của cấp trên ({Offset}) phải trong khoảng -366 đến 366.",
                $"offset: {Offset} must be between -366 and 366 days.");
    }
}

/// <summary>Decided at run time by the parent level (plan 002: each huyện sets its cơ sở deadline). Resolving needs
/// the parent's choice (itself a rule, e.g. "trước ngày 15/9/2022") and the parent's own deadline, which the choice
/// may not pass.</summary>
public sealed record SetByParentRule : DeadlineRule
{
    protected override string DescribeDay() => "do cấp trên quyết định";
}
