namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>A plan-task step the domain refuses.</summary>
public sealed class PlanTaskException(string vietnameseMessage, string englishMessage)
    : DomainException("taskId", vietnameseMessage, englishMessage);
