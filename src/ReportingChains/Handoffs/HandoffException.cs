namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>A hand-off step the domain refuses (wrong state, bad input).</summary>
public sealed class HandoffException(string field, string vietnameseMessage, string englishMessage)
    : DomainException(field, vietnameseMessage, englishMessage);
