namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>
/// The count of a vote: how many could vote, how many took part and how each voted. This is where a vote is counted:
/// each eligible member once, by their latest ballot; ballots of anyone else never count.
/// </summary>
public sealed record VoteTally(int Eligible, int Agree, int Disagree, int Abstain)
{
    public int Participated => Agree + Disagree + Abstain;

    /// <summary>Eligible members who have not voted yet.</summary>
    public int Outstanding => Eligible - Participated;

    public static VoteTally Count(IEnumerable<Voter> voters, IEnumerable<Vote> ballots)
    {
        var eligible = voters.Select(v => v.MemberKey).ToHashSet(StringComparer.Ordinal);
        var latest = LatestPerMember(ballots).Where(b => eligible.Contains(b.MemberKey)).ToList();
        return new VoteTally(
            eligible.Count,
            latest.Count(b => b.Choice == VoteChoice.Agree),
            latest.Count(b => b.Choice == VoteChoice.Disagree),
            latest.Count(b => b.Choice == VoteChoice.Abstain));
    }

    /// <summary>Each member's latest ballot (the one with the highest sequence).</summary>
    public static IEnumerable<Vote> LatestPerMember(IEnumerable<Vote> ballots) =>
        ballots.GroupBy(b => b.MemberKey, StringComparer.Ordinal).Select(g => g.MaxBy(b => b.Sequence)!);

    /// <summary>"9/11 tham gia: 8 đồng ý, 1 không đồng ý, 0 không biểu quyết".</summary>
    public string Describe() =>
        $"{Participated}/{Eligible} tham gia: {Agree} đồng ý, {Disagree} không đồng ý, {Abstain} không biểu quyết";
}
