namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>
/// Plan-task assignments with their progress history, target values and the occasions that came.
/// Nothing here saves (see the caller's unit of work).
/// </summary>
public interface IPlanTaskRepository
{
    Task<PlanTaskAssignment?> FindByTaskIdAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>The units' assignments of one task in one instance, by unit code.</summary>
    Task<IReadOnlyList<PlanTaskAssignment>> ListAssignmentsAsync(string workflowInstanceId, string taskNumber, CancellationToken cancellationToken = default);

    void Add(PlanTaskAssignment assignment);

    /// <summary>A unit's reports on a task, oldest first.</summary>
    Task<IReadOnlyList<PlanTaskProgressEntry>> ListProgressAsync(Guid assignmentId, CancellationToken cancellationToken = default);

    void Add(PlanTaskProgressEntry entry);

    /// <summary>Every target value reported for a plan, oldest first.</summary>
    Task<IReadOnlyList<PlanTargetValue>> ListTargetValuesAsync(string planId, CancellationToken cancellationToken = default);

    void Add(PlanTargetValue value);

    Task<IReadOnlyList<PlanOccasionRecord>> ListOccasionsAsync(string workflowInstanceId, CancellationToken cancellationToken = default);

    void Add(PlanOccasionRecord occasion);
}
