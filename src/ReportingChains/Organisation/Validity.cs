namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>
/// An inclusive range of calendar days. <c>To == null</c> means open-ended.
/// The one rule of effective dating: a record is valid on D iff From &lt;= D and (To is null or D &lt;= To).
/// </summary>
public readonly record struct Validity(DateOnly From, DateOnly? To)
{
    public bool Contains(DateOnly day) => From <= day && (To is null || day <= To.Value);

    /// <summary>True when every day of <paramref name="inner"/> lies inside this range.</summary>
    public bool Covers(Validity inner) =>
        From <= inner.From && (To is null || (inner.To is not null && inner.To.Value <= To.Value));

    public bool Overlaps(Validity other) =>
        (To is null || other.From <= To.Value) && (other.To is null || From <= other.To.Value);

    public override string ToString() => $"{From:yyyy-MM-dd}..{(To is null ? "" : To.Value.ToString("yyyy-MM-dd"))}";
}

/// <summary>Anything that is valid over a range of days.</summary>
public interface IEffectiveDated
{
    DateOnly ValidFrom { get; }
    DateOnly? ValidTo { get; }
}

public static class EffectiveDating
{
    public static Validity Validity(this IEffectiveDated record) => new(record.ValidFrom, record.ValidTo);

    public static bool IsValidOn(this IEffectiveDated record, DateOnly day) => record.Validity().Contains(day);
}
