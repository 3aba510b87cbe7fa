using MediatR;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>One reporting unit of a request and the child instance running its chain.</summary>
public sealed record RequestedUnit(string UnitCode, string UnitName, string ChildWorkflowInstanceId);

/// <summary>
/// RequestReports selected its units on the tree of <see cref="AsOf"/> and queued one child instance each (they start
/// after this commit). One notification for the whole request, however many units.
/// </summary>
public sealed record ReportsRequested(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string? PlanId, string? RequestingUnitCode,
    DateOnly AsOf, string ChildWorkflowDefinitionId, DateTimeOffset DeadlineUtc, string DeadlineDisplayText,
    IReadOnlyList<RequestedUnit> Units, DateTimeOffset RequestedAt) : INotification;

/// <summary>A unit's child instance finished before the request closed: the unit reported (<see cref="ChildSubStatus"/>
/// "Finished"), or its chain was cancelled ("Cancelled": it will not report).</summary>
public sealed record UnitReported(
    string WorkflowInstanceId, string ActivityInstanceId, string UnitCode, string ChildWorkflowInstanceId,
    string ChildSubStatus, DateTimeOffset ReportedAt) : INotification;

public enum ReportingClosedReason
{
    /// <summary>Every unit reported.</summary>
    AllReported,
    /// <summary>The deadline came first; <see cref="ReportingClosed.Laggards"/> had not reported.</summary>
    Deadline,
}

/// <summary>A RequestReports activity completed.</summary>
public sealed record ReportingClosed(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string? PlanId, ReportingClosedReason Reason,
    IReadOnlyList<string> Reported, IReadOnlyList<string> Laggards, DateTimeOffset ClosedAt) : INotification;
