namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>What casting a ballot did.</summary>
public enum VoteCastResult
{
    /// <summary>The member's first vote.</summary>
    Recorded,
    /// <summary>The member changed their vote or its comment; the change is kept in <see cref="VoteSession.Changes"/>.</summary>
    Changed,
    /// <summary>Same vote and comment as before: nothing recorded, nothing counted twice.</summary>
    Unchanged,
}

/// <summary>
/// Thông qua tập thể: one vote of a unit's collective on one version of a report. The eligible voters are a snapshot
/// of the collective as of the session's date; every ballot is kept; the session closes as soon as its
/// <see cref="ApprovalRule"/> is decided, or at the deadline.
/// </summary>
public sealed class VoteSession
{
    public const string DefaultCollectiveTitle = "Ban Thường vụ";

    private readonly List<Voter> _voters = [];
    private readonly List<Vote> _votes = [];

    private VoteSession() { }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int ReportVersion { get; private set; }
    public string UnitCode { get; private set; } = "";

    /// <summary>The collective's name for the signature block ("Ban Thường vụ", "Đảng ủy", "Chi bộ" …).</summary>
    public string CollectiveTitle { get; private set; } = DefaultCollectiveTitle;

    public ApprovalRule Rule { get; private set; } = ApprovalRule.Default;
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When voting closes if the rule has not decided it before; null = only the rule or the chair closes it.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    public VoteSessionState State { get; private set; }
    public ApprovalDecision? Decision { get; private set; }

    /// <summary>Eligible voters, in the collective's order.</summary>
    public IReadOnlyList<Voter> Voters => _voters;

    /// <summary>Every ballot cast, in order; a member's latest is their vote.</summary>
    public IReadOnlyList<Vote> Votes => _votes;

    public VoteTally Tally => VoteTally.Count(_voters, _votes);

    /// <param name="id">The session's id when the caller names it (the collective-approval activity does, so its
    /// notifications and the stored session agree); a new one otherwise.</param>
    public static VoteSession Open(
        Guid reportId,
        int reportVersion,
        string unitCode,
        IReadOnlyList<CollectiveMember> collective,
        ApprovalRule rule,
        DateTimeOffset openedAt,
        DateTimeOffset? deadline = null,
        string collectiveTitle = DefaultCollectiveTitle,
        Guid? id = null)
    {
        if (reportVersion < 1)
            throw Refused("reportVersion", $"Số phiên bản báo cáo {reportVersion} không hợp lệ.",
                $"reportVersion {reportVersion} must be 1 or more.");
        if (string.IsNullOrWhiteSpace(unitCode))
            throw Refused("unitCode", "Thiếu mã đơn vị.", "unitCode is required.");
        if (deadline is { } d && d <= openedAt)
            throw Refused("deadline", "Hạn biểu quyết phải sau thời điểm mở biểu quyết.",
                $"deadline {d:O} must be after openedAt {openedAt:O}.");
        rule.Validate();

        var voters = rule.SelectVoters(collective);
        if (voters.Count == 0)
            throw Refused("collective", "Tập thể không có thành viên nào có quyền biểu quyết.",
                "The collective has no eligible voters.");
        if (voters.GroupBy(v => v.MemberKey).FirstOrDefault(g => g.Count() > 1) is { } duplicateKey)
            throw Refused("collective", $"Thành viên {duplicateKey.Key} xuất hiện hai lần trong tập thể.",
                $"Member key {duplicateKey.Key} appears twice in the collective.");
        if (voters.Where(v => v.UserName is not null).GroupBy(v => v.UserName).FirstOrDefault(g => g.Count() > 1) is { } duplicateUser)
            throw Refused("collective", $"Tài khoản {duplicateUser.Key} ứng với hai thành viên của tập thể; mỗi người chỉ có một phiếu.",
                $"User {duplicateUser.Key} holds two memberships in the collective; a person has one vote.");

        MinutesSigner.EnsureSignerAvailable(voters);

        var session = new VoteSession
        {
            Id = id ?? Guid.NewGuid(),
            ReportId = reportId,
            ReportVersion = reportVersion,
            UnitCode = unitCode,
            CollectiveTitle = collectiveTitle,
            Rule = rule,
            OpenedAt = openedAt.ToUniversalTime(),
            Deadline = deadline?.ToUniversalTime(),
            State = VoteSessionState.Open,
        };
        session._voters.AddRange(voters.Select((m, i) => new Voter(m, i)));
        return session;
    }

    public Voter? FindVoterByUserName(string userName) =>
        _voters.FirstOrDefault(v => string.Equals(v.UserName, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Casts or changes a member's vote; closes the session when the rule is then decided.</summary>
    public VoteCastResult Cast(string memberKey, VoteChoice choice, string? comment, DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        if (State != VoteSessionState.Open)
            throw Refused("session", "Biểu quyết đã kết thúc; không nhận thêm phiếu.",
                $"Voting in session {Id} is closed ({State}).");
        if (at < OpenedAt)
            throw Refused("at", "Không thể biểu quyết trước khi mở biểu quyết.",
                $"A vote at {at:O} is before the session opened at {OpenedAt:O}.");
        if (Deadline is { } deadline && at >= deadline)
            throw Refused("at", "Đã hết hạn biểu quyết.",
                $"A vote at {at:O} is at or after the voting deadline {deadline:O}.");
        var voter = _voters.FirstOrDefault(v => v.MemberKey == memberKey)
                    ?? throw Refused("memberKey",
                        $"Người biểu quyết ({memberKey}) không phải thành viên có quyền biểu quyết của tập thể.",
                        $"{memberKey} is not an eligible voter of session {Id} (unit {UnitCode}).");
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

        var previous = CurrentVoteOf(voter.MemberKey);
        if (previous is not null && previous.Choice == choice && previous.Comment == comment)
            return VoteCastResult.Unchanged;

        _votes.Add(new Vote(_votes.Count + 1, voter.MemberKey, choice, comment, at));
        if (Rule.Decide(Tally, votingClosed: false) is { } outcome)
            Conclude(outcome, at, VoteSessionState.Decided);
        return previous is null ? VoteCastResult.Recorded : VoteCastResult.Changed;
    }

    /// <summary>Closes voting at the deadline (or, without a deadline, when the chair ends it): the rule then always
    /// gives an outcome, <see cref="ApprovalOutcome.NotDecided"/> when the quorum was not reached.</summary>
    public ApprovalDecision Close(DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        if (State != VoteSessionState.Open)
            throw Refused("session", "Biểu quyết đã kết thúc.", $"Session {Id} is already {State}.");
        if (Deadline is { } deadline && at < deadline)
            throw Refused("at", "Chưa đến hạn biểu quyết; chưa thể kết thúc.",
                $"Cannot close session {Id} at {at:O}, before its deadline {deadline:O}.");
        Conclude(Rule.Decide(Tally, votingClosed: true)!.Value, at, VoteSessionState.Closed);
        return Decision!;
    }

    public Vote? CurrentVoteOf(string memberKey) =>
        _votes.Where(v => v.MemberKey == memberKey).MaxBy(v => v.Sequence);

    /// <summary>Every change of a vote: who changed from what to what, and when.</summary>
    public IReadOnlyList<VoteChange> Changes =>
        _votes.GroupBy(v => v.MemberKey)
            .SelectMany(ballots => ballots.Zip(ballots.Skip(1), (from, to) => new VoteChange(
                to.MemberKey, VoterOf(to.MemberKey).PersonName, from.Choice, from.Comment, to.Choice, to.Comment, to.CastAt,
                to.Sequence)))
            .OrderBy(c => c.Sequence)
            .ToList();

    /// <summary>The comments given with the current votes, in the collective's order.</summary>
    public IReadOnlyList<VoteComment> Comments =>
        _voters.Select(v => (Voter: v, Vote: CurrentVoteOf(v.MemberKey)))
            .Where(x => x.Vote?.Comment is not null)
            .Select(x => new VoteComment(x.Voter.MemberKey, x.Voter.PersonName, x.Vote!.Choice, x.Vote.Comment!))
            .ToList();

    private void Conclude(ApprovalOutcome outcome, DateTimeOffset at, VoteSessionState state)
    {
        var tally = Tally;
        var minutes = outcome == ApprovalOutcome.Approved
            ? MinutesSigner.Sign(_voters, VoteTally.LatestPerMember(_votes).Select(v => v.MemberKey).ToHashSet(),
                Rule, CollectiveTitle, tally, at)
            : null;
        Decision = new ApprovalDecision(outcome, tally, at, minutes, Comments);
        State = state;
    }

    private Voter VoterOf(string memberKey) => _voters.First(v => v.MemberKey == memberKey);

    private static ApprovalException Refused(string field, string vietnamese, string english) => new(field, vietnamese, english);
}
