namespace WorkflowHost.ReportingChains.Plans;

/// <summary>A count of things (suất, người, căn, km …) or an amount of money (đồng).</summary>
public enum IndicatorKind
{
    Count,
    Amount,
}

/// <summary>How children's values roll up to the parent. Every indicator of the seed plans is summed.</summary>
public enum IndicatorAggregation
{
    Sum,
}

/// <summary>One line of the statistics appendix (phụ lục số liệu).</summary>
public sealed class Indicator
{
    private Indicator() { } // for EF

    public Indicator(string code, string name, string unit, IndicatorKind kind, IndicatorAggregation aggregation,
        bool wholeNumbers, string? group, string? amountCode, string? section)
    {
        Code = code;
        Name = name;
        Unit = unit;
        Kind = kind;
        Aggregation = aggregation;
        WholeNumbers = wholeNumbers;
        Group = group;
        AmountCode = amountCode;
        Section = section;
    }

    /// <summary>Upper-case letters, digits and dashes, e.g. "HOCBONG", "HOCBONG-TIEN".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Unit of measure as the plan writes it: suất, trẻ em, người, căn, phòng, km, cây cầu, đợt, đồng …</summary>
    public string Unit { get; private set; } = "";

    public IndicatorKind Kind { get; private set; }
    public IndicatorAggregation Aggregation { get; private set; }

    /// <summary>Values must be whole numbers (true for counts of things, false for km and money by default).</summary>
    public bool WholeNumbers { get; private set; }

    /// <summary>The appendix heading the indicator belongs to, e.g. "1. Số học bổng dành cho trẻ em nghèo".</summary>
    public string? Group { get; private set; }

    /// <summary>For a count: the code of the amount-of-money indicator paired with it ("Tổng số kinh phí").</summary>
    public string? AmountCode { get; private set; }

    /// <summary>The outline section whose figures this is, when the plan asks for them inside a section.</summary>
    public string? Section { get; private set; }
}

/// <summary>Whether levels may add their own indicators, and the code prefix that keeps them apart from the plan's.</summary>
public sealed class LocalIndicatorPolicy
{
    public static LocalIndicatorPolicy NotAllowed => new(false, null);

    private LocalIndicatorPolicy() { } // for EF

    public LocalIndicatorPolicy(bool allowed, string? codePrefix)
    {
        Allowed = allowed;
        CodePrefix = codePrefix;
    }

    public bool Allowed { get; private set; }

    /// <summary>Every local indicator code starts with it, e.g. "DP-".</summary>
    public string? CodePrefix { get; private set; }
}
