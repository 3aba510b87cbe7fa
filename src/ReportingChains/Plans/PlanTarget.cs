using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Plans;

public enum TargetComparison
{
    /// <summary>The value must reach at least the target (100% …).</summary>
    AtLeast,
    /// <summary>The value must come down to at most the target (no household left in temporary housing = 0).</summary>
    AtMost,
}

/// <summary>
/// A target of an implementation plan (mục tiêu), e.g. "100% công trình ghi công liệt sĩ được quản lý, chăm sóc
/// thường xuyên" by 2030. Progress reports give a value for it under its code.
/// </summary>
public sealed class PlanTarget
{
    private PlanTarget() { } // for EF

    public PlanTarget(string code, string name, string unit, TargetComparison comparison, decimal value, int year,
        string? due, string? source)
    {
        Code = code;
        Name = name;
        Unit = unit;
        Comparison = comparison;
        Value = value;
        Year = year;
        Due = due;
        Source = source;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>"%" or a count unit such as "hộ".</summary>
    public string Unit { get; private set; } = "";

    public TargetComparison Comparison { get; private set; }
    public decimal Value { get; private set; }

    /// <summary>The year by whose end the target is to be met.</summary>
    public int Year { get; private set; }

    /// <summary>A closer deadline phrase when the plan gives one, e.g. "trong quý III năm 2027".</summary>
    public string? Due { get; private set; }

    /// <summary>Where the plan sets it: "II.2.2" or a task number.</summary>
    public string? Source { get; private set; }

    [JsonIgnore]
    public bool IsPercentage => Unit == "%";

    public bool IsMet(decimal actual) =>
        Comparison == TargetComparison.AtLeast ? actual >= Value : actual <= Value;
}
