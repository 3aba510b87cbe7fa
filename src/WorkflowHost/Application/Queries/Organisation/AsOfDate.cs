using WorkflowHost.ReportingChains.Calendar;
using System.Globalization;
using WorkflowHost.Application.Validation;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Queries.Organisation;

/// <summary>The <c>asOf</c> parameter: a calendar day yyyy-MM-dd, today in Asia/Ho_Chi_Minh when absent.</summary>
public static class AsOfDate
{
    public const string Field = "asOf";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static IEnumerable<ValidationError> Validate(string? text) =>
        string.IsNullOrEmpty(text) || TryParse(text, out _)
            ? []
            : [new ValidationError(Field, $"'{text}' is not a date; use yyyy-MM-dd, e.g. 2022-09-01.")];

    /// <summary>The day asked about; call after <see cref="Validate"/> passed.</summary>
    public static DateOnly Resolve(string? text, TimeProvider time) =>
        string.IsNullOrEmpty(text) ? VietnamTime.Today(time)
        : TryParse(text, out var date) ? date
        : throw RequestValidationException.For(Field, $"'{text}' is not a date; use yyyy-MM-dd.");
}
