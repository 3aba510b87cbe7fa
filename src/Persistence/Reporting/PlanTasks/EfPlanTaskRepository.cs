using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.PlanTasks;

namespace WorkflowHost.Persistence.Reporting.PlanTasks;

public sealed class EfPlanTaskRepository(WorkflowHostDbContext db) : IPlanTaskRepository
{
    /// <summary>Also finds one added earlier in this commit (a retried burst publishes its notifications again).</summary>
    public async Task<PlanTaskAssignment?> FindByTaskIdAsync(string taskId, CancellationToken cancellationToken = default) =>
        db.Set<PlanTaskAssignment>().Local.FirstOrDefault(a => a.TaskId == taskId)
        ?? await db.Set<PlanTaskAssignment>().FirstOrDefaultAsync(a => a.TaskId == taskId, cancellationToken);

    public async Task<IReadOnlyList<PlanTaskAssignment>> ListAssignmentsAsync(string workflowInstanceId, string taskNumber, CancellationToken cancellationToken = default) =>
        await db.Set<PlanTaskAssignment>().Where(a => a.WorkflowInstanceId == workflowInstanceId && a.TaskNumber == taskNumber)
            .OrderBy(a => a.UnitCode).ToListAsync(cancellationToken);

    public void Add(PlanTaskAssignment assignment) => db.Add(assignment);

    public async Task<IReadOnlyList<PlanTaskProgressEntry>> ListProgressAsync(Guid assignmentId, CancellationToken cancellationToken = default) =>
        await db.Set<PlanTaskProgressEntry>().Where(e => e.AssignmentId == assignmentId).OrderBy(e => e.ReportedAt).ToListAsync(cancellationToken);

    public void Add(PlanTaskProgressEntry entry) => db.Add(entry);

    public async Task<IReadOnlyList<PlanTargetValue>> ListTargetValuesAsync(string planId, CancellationToken cancellationToken = default) =>
        await db.Set<PlanTargetValue>().Where(v => v.PlanId == planId).OrderBy(v => v.ReportedAt).ToListAsync(cancellationToken);

    public void Add(PlanTargetValue value) => db.Add(value);

    public async Task<IReadOnlyList<PlanOccasionRecord>> ListOccasionsAsync(string workflowInstanceId, CancellationToken cancellationToken = default) =>
        await db.Set<PlanOccasionRecord>().Where(o => o.WorkflowInstanceId == workflowInstanceId).OrderBy(o => o.Date).ToListAsync(cancellationToken);

    public void Add(PlanOccasionRecord occasion) => db.Add(occasion);
}
