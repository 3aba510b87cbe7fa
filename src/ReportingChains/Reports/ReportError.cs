namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// A domain error a user can read: a stable English <see cref="Code"/> for programs, a Vietnamese
/// <see cref="Message"/> for people, and the <see cref="Field"/> it concerns ("sections.II.1", "indicators.HOCBONG").
/// </summary>
public sealed record ReportError(string Code, string Message, string? Field = null)
{
    public const string InvalidTransition = "report.invalid-transition";
    public const string PlanMismatch = "report.plan-mismatch";
    public const string UnknownSection = "report.unknown-section";
    public const string SectionRequired = "report.section-required";
    public const string UnknownIndicator = "report.unknown-indicator";
    public const string NegativeValue = "report.negative-value";
    public const string NotWholeNumber = "report.not-whole-number";
    public const string PercentageOver100 = "report.percentage-over-100";
    public const string LocalIndicatorsNotAllowed = "report.local-indicators-not-allowed";
    public const string LocalIndicatorInvalid = "report.local-indicator-invalid";
    public const string ReasonsRequired = "report.reasons-required";
    public const string ActorRequired = "report.actor-required";
}

/// <summary>The outcome of a report operation: success, or the errors and no change at all.</summary>
public sealed class ReportResult
{
    private static readonly ReportResult Success = new([]);

    private ReportResult(IReadOnlyList<ReportError> errors) => Errors = errors;

    public IReadOnlyList<ReportError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static ReportResult Ok() => Success;

    public static ReportResult Fail(IEnumerable<ReportError> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0) throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        return new ReportResult(list);
    }

    public static ReportResult Fail(ReportError error) => new([error]);
}
