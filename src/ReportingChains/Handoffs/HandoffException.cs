namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>A hand-off step the domain refuses (wrong state, bad input). <see cref="Exception.Message"/> is English
/// (for logs); <see cref="VietnameseMessage"/> is shown to users; <see cref="Field"/> names the offending input.</summary>
public sealed class HandoffException(string field, string vietnameseMessage, string englishMessage)
    : Exception(englishMessage)
{
    public string Field { get; } = field;
    public string VietnameseMessage { get; } = vietnameseMessage;
}
