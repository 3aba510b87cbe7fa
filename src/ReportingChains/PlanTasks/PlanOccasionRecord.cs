namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>An occurrence of a recurring occasion of a plan that came (27/7, Tết Nguyên đán, a periodic report).</summary>
public sealed class PlanOccasionRecord
{
    private PlanOccasionRecord() { } // for EF

    public PlanOccasionRecord(Guid id, string? planId, string workflowInstanceId, string activityId, string name, DateOnly date, int index, DateTimeOffset at)
    {
        Id = id;
        PlanId = planId;
        WorkflowInstanceId = workflowInstanceId;
        ActivityId = activityId;
        Name = name;
        Date = date;
        Index = index;
        At = at;
    }

    public Guid Id { get; private set; }
    public string? PlanId { get; private set; }
    public string WorkflowInstanceId { get; private set; } = "";
    public string ActivityId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateOnly Date { get; private set; }
    /// <summary>1 for the activity's first occurrence, 2 for the next …</summary>
    public int Index { get; private set; }
    public DateTimeOffset At { get; private set; }
}
