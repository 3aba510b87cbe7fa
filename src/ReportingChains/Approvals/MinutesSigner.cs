namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>
/// Who signs an approved report. The Secretary signs T/M (on behalf of) the collective; when the Secretary did not
/// take part (absent, or the post is vacant) a Deputy Secretary who did signs K/T (for) the Secretary. Bodies led by
/// a Head follow the same pattern with Head and Deputy Head. Taking part outranks rank; among equals the order of
/// the collective decides.
/// </summary>
public static class MinutesSigner
{
    private static readonly VoterRole[] SigningRoles =
        [VoterRole.Secretary, VoterRole.DeputySecretary, VoterRole.Head, VoterRole.DeputyHead];

    /// <summary>Checked when a session opens, so that an approval can always be signed.</summary>
    public static void EnsureSignerAvailable(IEnumerable<CollectiveMember> voters)
    {
        if (!voters.Any(v => SigningRoles.Contains(v.Role)))
            throw NoSigner();
    }

    public static ApprovalMinutes Sign(
        IReadOnlyList<Voter> voters,
        IReadOnlySet<string> participants,
        ApprovalRule rule,
        string collectiveTitle,
        VoteTally tally,
        DateTimeOffset decidedAt)
    {
        var signer = voters
            .Where(v => SigningRoles.Contains(v.Role))
            .OrderBy(v => participants.Contains(v.MemberKey) ? 0 : 1)
            .ThenBy(v => Array.IndexOf(SigningRoles, v.Role))
            .ThenBy(v => v.Position)
            .FirstOrDefault()
            ?? throw NoSigner();

        string? signsFor = signer.Role switch
        {
            VoterRole.DeputySecretary => "K/T " + SignatureTitle(VoterRole.Secretary, null),
            VoterRole.DeputyHead => "K/T " + SignatureTitle(VoterRole.Head,
                voters.FirstOrDefault(v => v.Role == VoterRole.Head)?.Title),
            _ => null,
        };
        return new ApprovalMinutes(
            tally,
            rule.Describe(),
            rule.IsCollective ? "T/M " + collectiveTitle.ToUpperInvariant() : null,
            signsFor,
            SignatureTitle(signer.Role, signer.Title),
            signer.PersonName,
            signer.MemberKey,
            decidedAt);
    }

    /// <summary>The title line of a signature: fixed for the committee's secretaries, the person's own title
    /// (upper-cased, as signature blocks are) for heads of bodies.</summary>
    private static string SignatureTitle(VoterRole role, string? title) => role switch
    {
        VoterRole.Secretary => "BÍ THƯ",
        VoterRole.DeputySecretary => "PHÓ BÍ THƯ",
        VoterRole.Head => title?.ToUpperInvariant() ?? "THỦ TRƯỞNG",
        _ => title?.ToUpperInvariant() ?? "PHÓ THỦ TRƯỞNG",
    };

    private static ApprovalException NoSigner() => new("collective",
        "Tập thể không có Bí thư, Phó Bí thư, Thủ trưởng hay cấp phó để ký biên bản.",
        "The collective has no Secretary, Deputy Secretary, Head or Deputy Head to sign the minutes.");
}
