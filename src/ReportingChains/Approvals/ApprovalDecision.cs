namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>The decision of a vote session: the outcome with its tally; for <see cref="ApprovalOutcome.Approved"/>
/// the minutes with the signer, for <see cref="ApprovalOutcome.Rejected"/> the voters' comments for the drafters.</summary>
public sealed record ApprovalDecision(
    ApprovalOutcome Outcome,
    VoteTally Tally,
    DateTimeOffset DecidedAt,
    ApprovalMinutes? Minutes,
    IReadOnlyList<VoteComment> Comments);
