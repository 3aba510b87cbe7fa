namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>A deadline rule or phrase that cannot be read or resolved.</summary>
public sealed class DeadlineRuleException(string field, string vietnameseMessage, string englishMessage)
    : DomainException(field, vietnameseMessage, englishMessage);
