using MediatR;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>A reminder (nhắc việc) to the unit's drafters and head as of <see cref="Day"/>.</summary>
public sealed record ReminderDue(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string UnitCode, string UnitName,
    string OffsetLabel, DateOnly Day, bool IsAfterDeadline, DateTimeOffset DeadlineUtc, IReadOnlyList<ReminderRecipient> Recipients,
    string Text, DateTimeOffset SentAt) : INotification;

/// <summary>
/// A laggard is escalated (đôn đốc): the task <see cref="TaskId"/> "Đôn đốc đơn vị X" is in the inbox of
/// <see cref="UrgingBodyCode"/>, and <see cref="SupervisingTaskId"/> in that of <see cref="SupervisingUnitCode"/> (each
/// also a RunTaskRequested).
/// </summary>
public sealed record EscalationRaised(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string LaggardUnitCode, string LaggardUnitName,
    string UrgingBodyCode, string? SupervisingUnitCode, string TaskId, string? SupervisingTaskId, string Title, string Description,
    DateTimeOffset DeadlineUtc, DateTimeOffset RaisedAt) : INotification;

/// <summary>The unit submitted: its pending reminders are cancelled and its escalation tasks (if any) have nothing left to urge.</summary>
public sealed record ReportSubmitted(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string UnitCode, DateTimeOffset SubmittedAt,
    bool Late, int RemindersSent, int RemindersCancelled, IReadOnlyList<string> EscalationTaskIds) : INotification;

/// <summary>
/// A Reminders activity planned the reminders of <see cref="UnitCode"/> (the timers it set) and the escalation
/// instant, for the deadline <see cref="DeadlineUtc"/> (<see cref="DeadlineLabel"/> as people read it).
/// </summary>
public sealed record RemindersScheduled(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string UnitCode, string UnitName, string Subject,
    DateTimeOffset DeadlineUtc, string DeadlineLabel, IReadOnlyList<ReminderTime> Reminders, DateTimeOffset EscalationAt,
    DateTimeOffset ScheduledAt) : INotification;
