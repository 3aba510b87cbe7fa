namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>One member of a unit's collective as resolved by the caller from the organisation as of the session's
/// date. <see cref="MemberKey"/> is the caller's stable key for the membership (e.g. its id); <see cref="Title"/> is
/// the person's title, used in the signature block of a head or deputy head.</summary>
public sealed record CollectiveMember(
    string MemberKey,
    string PersonName,
    VoterRole Role,
    string? UserName = null,
    string? Title = null);
