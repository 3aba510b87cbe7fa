using MediatR;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;

namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>
/// Writes what <see cref="RemindUntilSubmitted"/> does into the reminder rows: the unit's schedule when its timers
/// are set, a <see cref="ReminderNotice"/> per reminder sent, the <see cref="EscalationTask"/> when it is escalated, and
/// on submission the pending reminders cancelled and the escalation closed. Inside the engine's commit; only tracked
/// rows change. A schedule is one unit's in one chain instance: its plan key is <see cref="PlanKeyOf"/>.
/// </summary>
public sealed class ReminderHandlers(IReminderRepository reminders) :
    INotificationHandler<RemindersScheduled>,
    INotificationHandler<ReminderDue>,
    INotificationHandler<EscalationRaised>,
    INotificationHandler<ReportSubmitted>
{
    /// <summary>"002/{instance id}": the plan and the run whose deadline the schedule follows.</summary>
    public static string PlanKeyOf(string? planId, string workflowInstanceId) =>
        planId is null ? workflowInstanceId : $"{planId}/{workflowInstanceId}";

    public async Task Handle(RemindersScheduled scheduled, CancellationToken cancellationToken)
    {
        var planKey = PlanKeyOf(scheduled.PlanId, scheduled.WorkflowInstanceId);
        if (await reminders.FindScheduleAsync(planKey, scheduled.UnitCode, cancellationToken) is not null)
            return; // the same commit published twice (a retried burst)
        reminders.AddSchedule(UnitReminderSchedule.Plan(planKey, scheduled.UnitCode, scheduled.UnitName, scheduled.Subject,
            scheduled.DeadlineUtc, scheduled.DeadlineLabel, scheduled.Reminders, scheduled.EscalationAt));
    }

    /// <summary>A unit with nobody to remind that day (no drafter, no head) gets no notice; its reminder stays pending.</summary>
    public async Task Handle(ReminderDue due, CancellationToken cancellationToken)
    {
        var schedule = await RequireAsync(due.PlanId, due.WorkflowInstanceId, due.UnitCode, cancellationToken);
        var reminder = schedule.Reminders.FirstOrDefault(r => r.State == ReminderState.Pending && r.OffsetLabel == due.OffsetLabel)
                       ?? throw new InvalidOperationException($"No pending reminder {due.OffsetLabel} in the schedule of {due.UnitCode}.");
        if (due.Recipients.Count > 0)
            reminders.AddNotice(schedule.Send(reminder.Id, due.Recipients, ReminderChannel.InApp, due.SentAt));
    }

    public async Task Handle(EscalationRaised raised, CancellationToken cancellationToken)
    {
        var schedule = await RequireAsync(raised.PlanId, raised.WorkflowInstanceId, raised.LaggardUnitCode, cancellationToken);
        reminders.AddEscalation(schedule.Escalate(raised.UrgingBodyCode, raised.SupervisingUnitCode, raised.RaisedAt, due: null));
    }

    public async Task Handle(ReportSubmitted submitted, CancellationToken cancellationToken)
    {
        var schedule = await RequireAsync(submitted.PlanId, submitted.WorkflowInstanceId, submitted.UnitCode, cancellationToken);
        schedule.OnSubmitted(submitted.SubmittedAt);
        if (schedule.EscalationTaskId is { } escalationId && await reminders.GetEscalationAsync(escalationId, cancellationToken) is { } escalation)
            escalation.OnUnitSubmitted(submitted.SubmittedAt);
    }

    private async Task<UnitReminderSchedule> RequireAsync(string? planId, string instanceId, string unitCode, CancellationToken cancellationToken) =>
        await reminders.FindScheduleAsync(PlanKeyOf(planId, instanceId), unitCode, cancellationToken)
        ?? throw new InvalidOperationException($"No reminder schedule of {unitCode} in instance {instanceId}: the Reminders activity plans it first (RemindersScheduled).");
}
