namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>The role a person holds in a unit (names as in seeds/organisation/members.json).</summary>
public enum MemberRole
{
    /// <summary>Bí thư.</summary>
    Secretary,
    /// <summary>Phó bí thư.</summary>
    DeputySecretary,
    /// <summary>Ủy viên ban thường vụ.</summary>
    StandingCommitteeMember,
    /// <summary>Cấp ủy viên.</summary>
    CommitteeMember,
    /// <summary>Chánh văn phòng / trưởng ban / chủ tịch / giám đốc.</summary>
    Head,
    /// <summary>Phó (of a head).</summary>
    DeputyHead,
    /// <summary>Chuyên viên: drafts reports.</summary>
    Drafter,
}
