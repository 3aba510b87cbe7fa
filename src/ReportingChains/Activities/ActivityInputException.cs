namespace WorkflowHost.ReportingChains.Activities;

/// <summary>An activity input (or the workflow input it defaults to) is missing or unreadable; names the input.</summary>
public sealed class ActivityInputException(string field, string vietnameseMessage, string englishMessage)
    : DomainException(field, vietnameseMessage, englishMessage);
