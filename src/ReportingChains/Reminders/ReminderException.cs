namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>A reminder or escalation step the domain refuses.</summary>
public sealed class ReminderException(string field, string vietnameseMessage, string englishMessage)
    : DomainException(field, vietnameseMessage, englishMessage);
