namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>The member roles of seeds/organisation/members.json that matter to a vote (same names as the
/// organisation's member role, so the caller maps by name). The roles decide who signs the minutes.</summary>
public enum VoterRole
{
    /// <summary>Bí thư.</summary>
    Secretary,
    /// <summary>Phó bí thư.</summary>
    DeputySecretary,
    /// <summary>Ủy viên ban thường vụ.</summary>
    StandingCommitteeMember,
    /// <summary>Cấp ủy viên.</summary>
    CommitteeMember,
    /// <summary>Trưởng ban / chánh văn phòng / chủ tịch / giám đốc.</summary>
    Head,
    /// <summary>Cấp phó of a head.</summary>
    DeputyHead,
}
