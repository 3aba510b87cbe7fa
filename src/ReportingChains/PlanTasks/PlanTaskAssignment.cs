namespace WorkflowHost.ReportingChains.PlanTasks;

public enum PlanTaskState
{
    Open,
    Completed,
}

/// <summary>
/// One executing unit's share of a plan task (nhiệm vụ) in one workflow instance: its human task, due date, whether
/// the due date passed before it completed, and its last progress. The history is in <see cref="PlanTaskProgressEntry"/>.
/// </summary>
public sealed class PlanTaskAssignment
{
    private PlanTaskAssignment() { } // for EF

    public PlanTaskAssignment(Guid id, string planId, string workflowInstanceId, string taskNumber, string title, string unitCode, string taskId,
        DateTimeOffset? dueUtc, DateTimeOffset assignedAt)
    {
        Id = id;
        PlanId = planId;
        WorkflowInstanceId = workflowInstanceId;
        TaskNumber = taskNumber;
        Title = title;
        UnitCode = unitCode;
        TaskId = taskId;
        DueUtc = dueUtc;
        AssignedAt = assignedAt;
        State = PlanTaskState.Open;
    }

    public Guid Id { get; private set; }
    public string PlanId { get; private set; } = "";
    public string WorkflowInstanceId { get; private set; } = "";
    /// <summary>As in the plan, e.g. "1.3".</summary>
    public string TaskNumber { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    /// <summary>The unit's <c>WorkflowHost.ReportTaskProgress</c> human task (its inbox item).</summary>
    public string TaskId { get; private set; } = "";
    /// <summary>Null for a standing task without a due date.</summary>
    public DateTimeOffset? DueUtc { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public PlanTaskState State { get; private set; }
    /// <summary>The due date passed while the unit was still working on it.</summary>
    public bool IsOverdue { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? LastProgressText { get; private set; }
    public DateTimeOffset? LastReportedAt { get; private set; }

    public void MarkOverdue()
    {
        if (State == PlanTaskState.Open) IsOverdue = true;
    }

    /// <summary>Records a progress report (or the completion) and returns its history entry.</summary>
    public PlanTaskProgressEntry Report(bool completes, string? text, string? reportedBy, DateTimeOffset at)
    {
        if (State == PlanTaskState.Completed)
            throw new PlanTaskException($"Nhiệm vụ {TaskNumber} của đơn vị {UnitCode} đã hoàn thành.",
                $"Task {TaskNumber} of unit {UnitCode} is already completed.");
        LastProgressText = text ?? LastProgressText;
        LastReportedAt = at;
        if (completes)
        {
            State = PlanTaskState.Completed;
            CompletedAt = at;
        }
        return new PlanTaskProgressEntry(Guid.NewGuid(), Id, completes, text, reportedBy, IsOverdue, at);
    }
}
