namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>
/// A value a unit reported for one of the plan's targets (mục tiêu, e.g. MT-NHATAM = 0 hộ) with a progress report;
/// the latest value per plan, unit and target is the target's state.
/// </summary>
public sealed class PlanTargetValue
{
    private PlanTargetValue() { } // for EF

    public PlanTargetValue(Guid id, string planId, string workflowInstanceId, string taskNumber, string unitCode, string targetCode, decimal value,
        Guid progressEntryId, DateTimeOffset reportedAt)
    {
        Id = id;
        PlanId = planId;
        WorkflowInstanceId = workflowInstanceId;
        TaskNumber = taskNumber;
        UnitCode = unitCode;
        TargetCode = targetCode;
        Value = value;
        ProgressEntryId = progressEntryId;
        ReportedAt = reportedAt;
    }

    public Guid Id { get; private set; }
    public string PlanId { get; private set; } = "";
    public string WorkflowInstanceId { get; private set; } = "";
    public string TaskNumber { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string TargetCode { get; private set; } = "";
    public decimal Value { get; private set; }
    public Guid ProgressEntryId { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
}
