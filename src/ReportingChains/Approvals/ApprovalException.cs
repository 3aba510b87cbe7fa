namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>A vote or an approval rule the domain refuses.</summary>
public sealed class ApprovalException(string field, string vietnameseMessage, string englishMessage)
    : DomainException(field, vietnameseMessage, englishMessage);
