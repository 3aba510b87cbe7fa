using MediatR;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>One executing unit of a plan task and the id of its "báo cáo tiến độ" human task.</summary>
public sealed record PlanTaskUnit(string UnitCode, string UnitName, string TaskId);

/// <summary>
/// A PlanTask activity assigned plan task <see cref="TaskNumber"/> to its executing units (one
/// <c>WorkflowHost.ReportTaskProgress</c> task each, also a RunTaskRequested). <see cref="DueUtc"/> is null for a
/// standing task (nhiệm vụ thường xuyên) without a due date.
/// </summary>
public sealed record PlanTaskAssigned(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string PlanId, string TaskNumber, string Title,
    IReadOnlyList<string> DirectingUnitCodes, IReadOnlyList<PlanTaskUnit> Units, DateTimeOffset? DueUtc, string? DueDisplayText,
    DateTimeOffset AssignedAt) : INotification;

/// <summary>
/// An executing unit reported progress on a plan task (<see cref="Completes"/>: it reports the task done), with
/// values for the plan's targets (code → value). <see cref="ReportedBy"/> is the inbox user, when answered there.
/// </summary>
public sealed record PlanTaskProgressReported(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string TaskNumber, string UnitCode, string TaskId,
    bool Completes, string? Text, IReadOnlyDictionary<string, decimal> Targets, bool Late, string? ReportedBy,
    DateTimeOffset ReportedAt) : INotification;

/// <summary>The due date of a plan task passed with units still working on it (the tasks stay open).</summary>
public sealed record PlanTaskOverdue(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string TaskNumber, IReadOnlyList<string> PendingUnitCodes,
    DateTimeOffset DueUtc, DateTimeOffset At) : INotification;

/// <summary>Every executing unit completed plan task <see cref="TaskNumber"/>; <see cref="Late"/> when after its due date.</summary>
public sealed record PlanTaskCompleted(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string TaskNumber, IReadOnlyList<string> UnitCodes,
    bool Late, DateTimeOffset CompletedAt) : INotification;

/// <summary>An occurrence of a recurring occasion of a plan (27/7, Tết Nguyên đán, a 6-monthly report …) came.</summary>
public sealed record OccasionDue(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string? PlanId, string Name, DateOnly Date,
    int Index, DateOnly? Next, DateTimeOffset At) : INotification;
