namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>An eligible voter of a <see cref="VoteSession"/>: a snapshot of a collective member on the session's
/// date, so later changes to the organisation do not change who could vote.</summary>
public sealed class Voter
{
    private Voter() { }

    internal Voter(CollectiveMember member, int position)
    {
        Id = Guid.NewGuid();
        MemberKey = member.MemberKey;
        PersonName = member.PersonName;
        Role = member.Role;
        UserName = member.UserName;
        Title = member.Title;
        Position = position;
    }

    public Guid Id { get; private set; }
    public string MemberKey { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public VoterRole Role { get; private set; }
    public string? UserName { get; private set; }
    public string? Title { get; private set; }

    /// <summary>Order in the collective as given (e.g. the standing deputy secretary before the others).</summary>
    public int Position { get; private set; }
}
