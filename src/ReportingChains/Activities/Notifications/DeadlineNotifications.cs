using MediatR;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>A Deadline activity resolved its rule (published in the commit that records it).</summary>
public sealed record DeadlineResolved(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string? UnitCode,
    string RuleJson, string RuleText, DateOnly LastDay, DateTimeOffset DueUtc, string DisplayText, DateTimeOffset ResolvedAt) : INotification;

/// <summary>
/// A "set by the parent level" deadline waits for <see cref="ChooserUnitCode"/> to choose it: the human task
/// <see cref="TaskId"/> (also announced as a RunTaskRequested) may be answered with any day up to
/// <see cref="LatestLastDay"/> (the chooser's own deadline) and not before <see cref="EarliestLastDay"/>.
/// </summary>
public sealed record DeadlineChoiceRequested(
    string WorkflowInstanceId, string ActivityInstanceId, string ActivityId, string TaskId, string ChooserUnitCode,
    DateOnly EarliestLastDay, DateOnly LatestLastDay, DateTimeOffset LatestDueUtc, string LatestDisplayText, DateTimeOffset RequestedAt) : INotification;

/// <summary>The parent's choice was refused; the task <see cref="TaskId"/> stays open.</summary>
public sealed record DeadlineChoiceRefused(
    string WorkflowInstanceId, string ActivityInstanceId, string TaskId, string ChooserUnitCode, string? Choice,
    string Field, string Reason, string ReasonVietnamese, DateTimeOffset RefusedAt) : INotification;
