namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>A vote or an approval rule the domain refuses. <see cref="Exception.Message"/> is English (for logs);
/// <see cref="VietnameseMessage"/> is shown to users; <see cref="Field"/> names the offending input.</summary>
public sealed class ApprovalException(string field, string vietnameseMessage, string englishMessage)
    : Exception(englishMessage)
{
    public string Field { get; } = field;
    public string VietnameseMessage { get; } = vietnameseMessage;
}
