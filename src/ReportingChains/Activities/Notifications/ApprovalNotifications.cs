using MediatR;
using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>One voter's ballot task of a vote (<see cref="MemberKey"/> is the voter's key in the session).</summary>
public sealed record VoteTask(string TaskId, string MemberKey, string PersonName, string? UserName);

/// <summary>
/// CollectiveApproval opened the vote <see cref="SessionId"/> of <see cref="CollectiveUnitCode"/>'s collective (as of
/// <see cref="RequestedAt"/>'s day) on version <see cref="ReportVersion"/> of report <see cref="ReportId"/>, one ballot
/// task per eligible voter (each also a RunTaskRequested). Opening the session with the same arguments gives the voters.
/// </summary>
public sealed record VoteRequested(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string UnitCode, string CollectiveUnitCode,
    Guid SessionId, Guid ReportId, int ReportVersion, ApprovalRule Rule, string CollectiveTitle,
    IReadOnlyList<CollectiveMember> Collective, IReadOnlyList<VoteTask> Tasks, DateTimeOffset? Deadline, DateTimeOffset RequestedAt) : INotification;

/// <summary>A voter's ballot was accepted: a first vote or a change (<see cref="Result"/>); an unchanged repeat is
/// not published.</summary>
public sealed record VoteCast(
    string WorkflowInstanceId, string ActivityInstanceId, Guid SessionId, string TaskId, string MemberKey, string PersonName,
    VoteChoice Choice, string? Comment, VoteCastResult Result, VoteTally Tally, DateTimeOffset CastAt) : INotification;

/// <summary>An answer to a ballot task was refused (not the task's member, voting closed, unreadable choice): nothing
/// is counted and the task stays open.</summary>
public sealed record VoteRefused(
    string WorkflowInstanceId, string ActivityInstanceId, Guid SessionId, string TaskId, string? AnsweredBy, string Field,
    string Reason, string ReasonVietnamese, DateTimeOffset RefusedAt) : INotification;

/// <summary>
/// The vote ended: decided by the rule as soon as the outstanding members could not change it, or closed at the
/// deadline (<see cref="ClosedAtDeadline"/>). <see cref="ApprovalDecision.Outcome"/> may be
/// <see cref="ApprovalOutcome.NotDecided"/> (quorum not reached when voting closed). The ballot tasks still open are
/// closed in the same commit (<see cref="ClosedTaskIds"/>, each a RunTaskCompleted).
/// </summary>
public sealed record ApprovalDecided(
    string WorkflowInstanceId, string ActivityInstanceId, string? PlanId, string UnitCode, Guid SessionId, Guid ReportId,
    int ReportVersion, ApprovalDecision Decision, bool ClosedAtDeadline, IReadOnlyList<string> ClosedTaskIds) : INotification;
