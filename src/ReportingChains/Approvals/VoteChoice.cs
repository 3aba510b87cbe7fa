namespace WorkflowHost.ReportingChains.Approvals;

public enum VoteChoice
{
    /// <summary>Đồng ý.</summary>
    Agree,
    /// <summary>Không đồng ý.</summary>
    Disagree,
    /// <summary>Không biểu quyết: takes part (counts for the quorum) without agreeing.</summary>
    Abstain,
}
