namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>A deadline rule or phrase that cannot be read or resolved. <see cref="Exception.Message"/> is English (for
/// logs); <see cref="VietnameseMessage"/> is shown to users; <see cref="Field"/> names the offending input.</summary>
public sealed class DeadlineRuleException(string field, string vietnameseMessage, string englishMessage)
    : Exception(englishMessage)
{
    public string Field { get; } = field;
    public string VietnameseMessage { get; } = vietnameseMessage;
}
