using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.ReportingChains.Tests.Approvals;

/// <summary>Collectives and instants shared by the vote tests.</summary>
internal static class Collectives
{
    public static readonly DateTimeOffset Opened = new(2022, 9, 20, 1, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Minutes(int minutes) => Opened.AddMinutes(minutes);

    /// <summary>A standing committee of <paramref name="size"/>: m1 Secretary, m2 and m3 Deputy Secretaries, the rest
    /// standing committee members.</summary>
    public static IReadOnlyList<CollectiveMember> StandingCommittee(int size) =>
        Enumerable.Range(1, size).Select(i => new CollectiveMember(
            $"m{i}",
            $"Đồng chí {i}",
            i switch { 1 => VoterRole.Secretary, 2 or 3 => VoterRole.DeputySecretary, _ => VoterRole.StandingCommitteeMember },
            UserName: $"user{i}")).ToList();

    public static VoteSession Open(int size, ApprovalRule? rule = null, DateTimeOffset? deadline = null) =>
        VoteSession.Open(Guid.NewGuid(), 1, "HU-BATXAT", StandingCommittee(size), rule ?? ApprovalRule.Default,
            Opened, deadline);

    /// <summary>Members m{from}..m{to} vote <paramref name="choice"/>, one minute apart after <paramref name="start"/>.</summary>
    public static void VoteRange(this VoteSession session, int from, int to, VoteChoice choice, int start = 1)
    {
        for (int i = from; i <= to; i++)
            session.Cast($"m{i}", choice, null, Minutes(start + i));
    }
}
