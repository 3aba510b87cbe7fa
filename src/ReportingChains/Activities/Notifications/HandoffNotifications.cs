using MediatR;
using WorkflowHost.ReportingChains.Handoffs;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>
/// SubmitReport handed version <see cref="ReportVersion"/> of report <see cref="ReportId"/> along <see cref="Route"/>:
/// attempt 1, or the resubmission (<see cref="Attempt"/> &gt; 1) of the returned submission
/// <see cref="PreviousSubmissionId"/>. The via body's task <see cref="TaskId"/> (a RunTaskRequested) receives it.
/// </summary>
public sealed record ReportSubmittedUpward(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, Guid ReportId, int ReportVersion, HandoffRoute Route,
    int Attempt, Guid? PreviousSubmissionId, string TaskId, string SubmittedBy, DateTimeOffset? Deadline, DateTimeOffset SubmittedAt) : INotification;

/// <summary>The via body acknowledged receipt (tiếp nhận) of the latest submission of <see cref="ReportId"/>.</summary>
public sealed record ReportReceived(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, Guid ReportId, int ReportVersion, HandoffRoute Route,
    string TaskId, string ReceivedBy, string? Comment, DateTimeOffset ReceivedAt) : INotification;

/// <summary>The via body returned (trả lại) the latest submission of <see cref="ReportId"/> with its reasons.</summary>
public sealed record ReportReturned(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, Guid ReportId, int ReportVersion, HandoffRoute Route,
    string TaskId, string ReturnedBy, IReadOnlyList<string> Reasons, DateTimeOffset ReturnedAt) : INotification;
