using MediatR;
using WorkflowHost.ReportingChains.Activities.Notifications;

namespace WorkflowHost.ReportingChains.PlanTasks;

/// <summary>
/// Keeps the plan-task rows in step with the PlanTask and Occasion activities: an assignment per executing unit,
/// each progress report with its target values, the overdue mark, the occasions that came. The handlers run inside
/// the engine's commit and only add or change tracked rows, so the rows and the engine state commit together.
/// </summary>
public sealed class PlanTaskHandlers(IPlanTaskRepository repository) :
    INotificationHandler<PlanTaskAssigned>,
    INotificationHandler<PlanTaskProgressReported>,
    INotificationHandler<PlanTaskOverdue>,
    INotificationHandler<OccasionDue>
{
    public async Task Handle(PlanTaskAssigned assigned, CancellationToken cancellationToken)
    {
        foreach (var unit in assigned.Units)
        {
            if (await repository.FindByTaskIdAsync(unit.TaskId, cancellationToken) is not null)
                continue; // the same commit published twice (a retried burst): one assignment per task
            repository.Add(new PlanTaskAssignment(Guid.NewGuid(), assigned.PlanId, assigned.WorkflowInstanceId, assigned.TaskNumber,
                assigned.Title, unit.UnitCode, unit.TaskId, assigned.DueUtc, assigned.AssignedAt));
        }
    }

    public async Task Handle(PlanTaskProgressReported reported, CancellationToken cancellationToken)
    {
        var assignment = await repository.FindByTaskIdAsync(reported.TaskId, cancellationToken)
            ?? throw new PlanTaskException($"Không có nhiệm vụ {reported.TaskNumber} giao cho đơn vị {reported.UnitCode}.",
                $"No assignment of task {reported.TaskNumber} to unit {reported.UnitCode} (task id {reported.TaskId}).");
        var entry = assignment.Report(reported.Completes, reported.Text, reported.ReportedBy, reported.ReportedAt);
        repository.Add(entry);
        foreach (var (code, value) in reported.Targets)
            repository.Add(new PlanTargetValue(Guid.NewGuid(), reported.PlanId, reported.WorkflowInstanceId, reported.TaskNumber,
                reported.UnitCode, code, value, entry.Id, reported.ReportedAt));
    }

    public async Task Handle(PlanTaskOverdue overdue, CancellationToken cancellationToken)
    {
        foreach (var assignment in await repository.ListAssignmentsAsync(overdue.WorkflowInstanceId, overdue.TaskNumber, cancellationToken))
            if (overdue.PendingUnitCodes.Contains(assignment.UnitCode)) assignment.MarkOverdue();
    }

    public Task Handle(OccasionDue due, CancellationToken cancellationToken)
    {
        repository.Add(new PlanOccasionRecord(Guid.NewGuid(), due.PlanId, due.WorkflowInstanceId, due.ActivityId, due.Name, due.Date, due.Index, due.At));
        return Task.CompletedTask;
    }
}
