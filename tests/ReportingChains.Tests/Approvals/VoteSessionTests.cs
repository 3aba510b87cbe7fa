using WorkflowHost.ReportingChains.Approvals;
using static WorkflowHost.ReportingChains.Tests.Approvals.Collectives;

namespace WorkflowHost.ReportingChains.Tests.Approvals;

public class VoteSessionTests
{
    private static readonly DateTimeOffset Deadline = Minutes(600);

    [Fact]
    public void Quorum_not_reached_at_the_deadline_is_not_decided()
    {
        var session = Open(12, deadline: Deadline);
        session.VoteRange(1, 7, VoteChoice.Agree); // 7 of 12 agree: a majority of all, but 7 < 8 (2/3 of 12)

        Assert.Equal(VoteSessionState.Open, session.State);
        var decision = session.Close(Deadline);

        Assert.Equal(ApprovalOutcome.NotDecided, decision.Outcome);
        Assert.Equal(VoteSessionState.Closed, session.State);
        Assert.Equal(new VoteTally(12, 7, 0, 0), decision.Tally);
        Assert.Null(decision.Minutes);
    }

    [Fact]
    public void Exactly_two_thirds_taking_part_is_a_quorum()
    {
        var session = Open(12, deadline: Deadline);
        session.VoteRange(1, 7, VoteChoice.Agree);
        session.Cast("m8", VoteChoice.Abstain, null, Minutes(30)); // 8 = exactly 2/3 of 12

        Assert.Equal(VoteSessionState.Decided, session.State);
        Assert.Equal(ApprovalOutcome.Approved, session.Decision!.Outcome);
        Assert.Equal(8, session.Decision.Tally.Participated);
    }

    [Fact]
    public void One_short_of_two_thirds_is_not_a_quorum()
    {
        var session = Open(12, deadline: Deadline);
        session.VoteRange(1, 7, VoteChoice.Agree);

        Assert.Null(ApprovalRule.Default.Decide(session.Tally, votingClosed: false));
        Assert.Equal(ApprovalOutcome.NotDecided, ApprovalRule.Default.Decide(session.Tally, votingClosed: true));
    }

    [Fact]
    public void Six_of_eleven_agreeing_approves()
    {
        var session = Open(11, deadline: Deadline);
        session.VoteRange(1, 6, VoteChoice.Agree);
        session.VoteRange(7, 8, VoteChoice.Disagree); // 8 take part: quorum ceil(22/3) = 8

        Assert.Equal(ApprovalOutcome.Approved, session.Decision!.Outcome);
        Assert.Equal(new VoteTally(11, 6, 2, 0), session.Decision.Tally);
    }

    [Fact]
    public void Five_agree_and_six_abstain_of_eleven_is_rejected_because_approval_needs_more_than_half_of_all()
    {
        var session = Open(11, deadline: Deadline);
        session.VoteRange(1, 5, VoteChoice.Agree);
        session.VoteRange(6, 11, VoteChoice.Abstain);

        Assert.Equal(ApprovalOutcome.Rejected, session.Decision!.Outcome);
        Assert.Equal(new VoteTally(11, 5, 0, 6), session.Decision.Tally);
    }

    [Fact]
    public void Voting_closes_early_once_approval_is_certain()
    {
        var session = Open(11, deadline: Deadline);
        session.VoteRange(1, 7, VoteChoice.Agree);
        Assert.Equal(VoteSessionState.Open, session.State); // 7 agree but only 7 of the 8 needed for quorum

        session.Cast("m8", VoteChoice.Agree, null, Minutes(40));

        Assert.Equal(VoteSessionState.Decided, session.State);
        Assert.Equal(Minutes(40), session.Decision!.DecidedAt);
        var late = Assert.Throws<ApprovalException>(() => session.Cast("m9", VoteChoice.Disagree, null, Minutes(41)));
        Assert.Equal("session", late.Field);
        Assert.Equal(8, session.Tally.Participated);
    }

    [Fact]
    public void Voting_closes_early_once_approval_is_impossible_and_collects_the_comments()
    {
        var session = Open(11, deadline: Deadline);
        session.Cast("m4", VoteChoice.Disagree, "Số liệu mục II chưa khớp với phụ lục.", Minutes(1));
        session.VoteRange(5, 8, VoteChoice.Disagree);
        Assert.Equal(VoteSessionState.Open, session.State); // 5 disagree: 6 agrees still possible

        session.Cast("m9", VoteChoice.Abstain, "Cần bổ sung kết quả năm 2022.", Minutes(50));

        var decision = session.Decision!;
        Assert.Equal(VoteSessionState.Decided, session.State);
        Assert.Equal(ApprovalOutcome.Rejected, decision.Outcome);
        Assert.Null(decision.Minutes);
        Assert.Equal(
            ["Số liệu mục II chưa khớp với phụ lục.", "Cần bổ sung kết quả năm 2022."],
            decision.Comments.Select(c => c.Text));
        Assert.Equal("Đồng chí 4", decision.Comments[0].PersonName);
    }

    [Fact]
    public void Closing_with_quorum_but_too_few_agrees_rejects()
    {
        var session = Open(12, deadline: Deadline);
        session.VoteRange(1, 6, VoteChoice.Agree); // 6 of 12 is half, not more than half
        session.VoteRange(7, 9, VoteChoice.Abstain);

        Assert.Equal(VoteSessionState.Open, session.State);
        Assert.Equal(ApprovalOutcome.Rejected, session.Close(Deadline).Outcome);
    }

    [Fact]
    public void A_non_member_vote_is_refused_and_not_counted()
    {
        var session = Open(11, deadline: Deadline);

        var refused = Assert.Throws<ApprovalException>(() => session.Cast("outsider", VoteChoice.Agree, null, Minutes(5)));

        Assert.Equal("memberKey", refused.Field);
        Assert.Contains("không phải thành viên", refused.VietnameseMessage);
        Assert.Empty(session.Votes);
        Assert.Equal(0, session.Tally.Participated);
    }

    [Fact]
    public void A_duplicate_vote_does_not_count_twice()
    {
        var session = Open(11, deadline: Deadline);

        Assert.Equal(VoteCastResult.Recorded, session.Cast("m1", VoteChoice.Agree, "Nhất trí", Minutes(1)));
        Assert.Equal(VoteCastResult.Unchanged, session.Cast("m1", VoteChoice.Agree, " Nhất trí ", Minutes(2)));

        Assert.Single(session.Votes);
        Assert.Equal(new VoteTally(11, 1, 0, 0), session.Tally);
        Assert.Empty(session.Changes);
    }

    [Fact]
    public void A_changed_vote_is_recorded_and_the_tally_uses_the_latest()
    {
        var session = Open(11, deadline: Deadline);
        session.Cast("m4", VoteChoice.Disagree, "Chưa đạt", Minutes(1));
        session.Cast("m5", VoteChoice.Agree, null, Minutes(2));

        Assert.Equal(VoteCastResult.Changed, session.Cast("m4", VoteChoice.Agree, "Đã chỉnh sửa, nhất trí", Minutes(3)));

        Assert.Equal(new VoteTally(11, 2, 0, 0), session.Tally);
        var change = Assert.Single(session.Changes);
        Assert.Equal(new VoteChange("m4", "Đồng chí 4", VoteChoice.Disagree, "Chưa đạt", VoteChoice.Agree,
            "Đã chỉnh sửa, nhất trí", Minutes(3), Sequence: 3), change);
        Assert.Equal(3, session.Votes.Count); // the history keeps the first ballot
    }

    [Fact]
    public void Every_change_is_kept_in_order()
    {
        var session = Open(11, deadline: Deadline);
        session.Cast("m4", VoteChoice.Disagree, null, Minutes(1));
        session.Cast("m4", VoteChoice.Abstain, null, Minutes(2));
        session.Cast("m5", VoteChoice.Abstain, null, Minutes(3));
        session.Cast("m4", VoteChoice.Agree, null, Minutes(4));
        session.Cast("m5", VoteChoice.Agree, "Nhất trí", Minutes(5));

        Assert.Equal(
            [("m4", VoteChoice.Disagree, VoteChoice.Abstain), ("m4", VoteChoice.Abstain, VoteChoice.Agree), ("m5", VoteChoice.Abstain, VoteChoice.Agree)],
            session.Changes.Select(c => (c.MemberKey, c.From, c.To)));
        Assert.Equal(new VoteTally(11, 2, 0, 0), session.Tally);
    }

    [Fact]
    public void Ballot_times_are_stored_in_utc()
    {
        var session = Open(11, deadline: Deadline);
        var local = Minutes(5).ToOffset(TimeSpan.FromHours(7));

        session.Cast("m1", VoteChoice.Agree, null, local);

        Assert.Equal(TimeSpan.Zero, session.Votes[0].CastAt.Offset);
        Assert.Equal(local, session.Votes[0].CastAt);
    }

    [Fact]
    public void A_vote_at_or_after_the_deadline_is_refused()
    {
        var session = Open(11, deadline: Deadline);

        var refused = Assert.Throws<ApprovalException>(() => session.Cast("m1", VoteChoice.Agree, null, Deadline));

        Assert.Equal("at", refused.Field);
        Assert.Empty(session.Votes);
    }

    [Fact]
    public void The_session_cannot_be_closed_before_its_deadline()
    {
        var session = Open(11, deadline: Deadline);

        Assert.Throws<ApprovalException>(() => session.Close(Deadline.AddMinutes(-1)));
        Assert.Equal(VoteSessionState.Open, session.State);
    }

    [Fact]
    public void Unanimity_approves_only_when_every_member_agrees()
    {
        var session = Open(5, new UnanimityRule(), Deadline);
        session.VoteRange(1, 4, VoteChoice.Agree);
        Assert.Equal(VoteSessionState.Open, session.State);

        session.Cast("m5", VoteChoice.Agree, null, Minutes(20));

        Assert.Equal(ApprovalOutcome.Approved, session.Decision!.Outcome);
    }

    [Fact]
    public void Unanimity_rejects_on_a_single_disagreement()
    {
        var session = Open(5, new UnanimityRule(), Deadline);
        session.VoteRange(1, 3, VoteChoice.Agree);

        session.Cast("m4", VoteChoice.Disagree, "Không nhất trí mục III", Minutes(20));

        Assert.Equal(ApprovalOutcome.Rejected, session.Decision!.Outcome);
        Assert.Equal("Không nhất trí mục III", Assert.Single(session.Decision.Comments).Text);
    }

    [Fact]
    public void Unanimity_without_every_vote_at_the_deadline_is_not_decided()
    {
        var session = Open(5, new UnanimityRule(), Deadline);
        session.VoteRange(1, 4, VoteChoice.Agree);

        Assert.Equal(ApprovalOutcome.NotDecided, session.Close(Deadline).Outcome);
    }

    [Fact]
    public void Head_decides_alone_and_other_members_cannot_vote()
    {
        var session = Open(5, new HeadDecidesRule(), Deadline);

        Assert.Equal(["m1"], session.Voters.Select(v => v.MemberKey));
        Assert.Throws<ApprovalException>(() => session.Cast("m2", VoteChoice.Agree, null, Minutes(1)));
        session.Cast("m1", VoteChoice.Agree, null, Minutes(2));

        var decision = session.Decision!;
        Assert.Equal(ApprovalOutcome.Approved, decision.Outcome);
        Assert.Equal(new VoteTally(1, 1, 0, 0), decision.Tally);
        Assert.Null(decision.Minutes!.OnBehalfOf); // an individual decision is not signed T/M the collective
        Assert.Equal(["BÍ THƯ", "Đồng chí 1"], decision.Minutes.SignatureBlock);
    }

    [Fact]
    public void Head_decides_picks_the_head_of_a_body_without_a_secretary_and_a_refusal_rejects()
    {
        IReadOnlyList<CollectiveMember> board =
        [
            new("b2", "Phó ban", VoterRole.DeputyHead, Title: "Phó Trưởng ban"),
            new("b1", "Trưởng ban", VoterRole.Head, Title: "Trưởng ban"),
        ];
        var session = VoteSession.Open(Guid.NewGuid(), 2, "TU-BDV", board, new HeadDecidesRule(), Opened);

        session.Cast("b1", VoteChoice.Disagree, "Bổ sung số liệu", Minutes(1));

        Assert.Equal("b1", Assert.Single(session.Voters).MemberKey);
        Assert.Equal(ApprovalOutcome.Rejected, session.Decision!.Outcome);
    }

    [Fact]
    public void Opening_without_any_eligible_voter_is_refused()
    {
        var refused = Assert.Throws<ApprovalException>(() =>
            VoteSession.Open(Guid.NewGuid(), 1, "CS-01", [], ApprovalRule.Default, Opened));
        Assert.Equal("collective", refused.Field);
    }

    [Fact]
    public void A_person_holding_two_memberships_in_the_collective_is_refused_at_opening()
    {
        IReadOnlyList<CollectiveMember> collective =
        [
            new("m1", "Nguyễn Văn An", VoterRole.Secretary, "bithu"),
            new("m2", "Nguyễn Văn An", VoterRole.StandingCommitteeMember, "bithu"),
        ];
        var refused = Assert.Throws<ApprovalException>(() =>
            VoteSession.Open(Guid.NewGuid(), 1, "TU", collective, ApprovalRule.Default, Opened));
        Assert.Equal("collective", refused.Field);
    }

    [Fact]
    public void Voters_are_found_by_user_name()
    {
        var session = Open(5);
        Assert.Equal("m3", session.FindVoterByUserName("USER3")!.MemberKey);
        Assert.Null(session.FindVoterByUserName("nobody"));
    }

    [Fact]
    public void Without_a_deadline_the_chair_can_close_at_any_time()
    {
        var session = Open(3);
        session.Cast("m1", VoteChoice.Agree, null, Minutes(1));

        Assert.Equal(ApprovalOutcome.NotDecided, session.Close(Minutes(2)).Outcome); // 1 of 3 is below 2/3
    }
}
