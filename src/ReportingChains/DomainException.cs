namespace WorkflowHost.ReportingChains;

/// <summary>
/// A domain rule refused an input. <see cref="Exception.Message"/> is English (for logs); <see cref="VietnameseMessage"/>
/// is what users see; <see cref="Field"/> names the input at fault, so the API can answer with problem details keyed by it.
/// Each area derives its own type so callers can catch exactly the refusals they expect.
/// </summary>
public abstract class DomainException(string field, string vietnameseMessage, string englishMessage)
    : Exception(englishMessage)
{
    public string Field { get; } = field;
    public string VietnameseMessage { get; } = vietnameseMessage;
}
