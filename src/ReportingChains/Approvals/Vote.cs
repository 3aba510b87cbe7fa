namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>One ballot as cast. A session keeps every ballot (append-only); a member's latest ballot is their vote,
/// earlier ones are the history of their changes.</summary>
public sealed class Vote
{
    private Vote() { }

    internal Vote(int sequence, string memberKey, VoteChoice choice, string? comment, DateTimeOffset castAt)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        MemberKey = memberKey;
        Choice = choice;
        Comment = comment;
        CastAt = castAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Order of casting within the session (1, 2, …): the latest ballot wins even when two share an instant.</summary>
    public int Sequence { get; private set; }

    public string MemberKey { get; private set; } = "";
    public VoteChoice Choice { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
}

/// <summary>A member changed their vote before the tally closed: from what to what, and when
/// (<see cref="Sequence"/> is that of the new ballot).</summary>
public sealed record VoteChange(
    string MemberKey,
    string PersonName,
    VoteChoice From,
    string? FromComment,
    VoteChoice To,
    string? ToComment,
    DateTimeOffset At,
    int Sequence);

/// <summary>A comment a voter gave with their vote, collected for the drafters when a report is rejected.</summary>
public sealed record VoteComment(string MemberKey, string PersonName, VoteChoice Choice, string Text);
