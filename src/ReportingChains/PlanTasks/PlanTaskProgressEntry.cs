namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>One progress report of an executing unit on a plan task, as it was given.</summary>
public sealed class PlanTaskProgressEntry
{
    private PlanTaskProgressEntry() { } // for EF

    public PlanTaskProgressEntry(Guid id, Guid assignmentId, bool completes, string? text, string? reportedBy, bool late, DateTimeOffset reportedAt)
    {
        Id = id;
        AssignmentId = assignmentId;
        Completes = completes;
        Text = text;
        ReportedBy = reportedBy;
        Late = late;
        ReportedAt = reportedAt;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public bool Completes { get; private set; }
    public string? Text { get; private set; }
    /// <summary>The inbox user; null when answered through the engine's API.</summary>
    public string? ReportedBy { get; private set; }
    public bool Late { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
}
