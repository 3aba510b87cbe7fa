namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>How a vote session ended; these are the outcomes of the collective approval activity.</summary>
public enum ApprovalOutcome
{
    /// <summary>Thông qua: goes on to be submitted.</summary>
    Approved,
    /// <summary>Không thông qua: back to drafting with the comments.</summary>
    Rejected,
    /// <summary>Voting closed at the deadline without a decision (quorum not reached); the workflow decides what next.</summary>
    NotDecided,
}

public enum VoteSessionState
{
    Open,
    /// <summary>Closed early because the rule was decided whatever the outstanding members would vote.</summary>
    Decided,
    /// <summary>Closed at the deadline (or by the chair when there is no deadline).</summary>
    Closed,
}
