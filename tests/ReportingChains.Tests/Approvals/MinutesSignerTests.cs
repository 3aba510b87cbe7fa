using WorkflowHost.ReportingChains.Approvals;
using static WorkflowHost.ReportingChains.Tests.Approvals.Collectives;

namespace WorkflowHost.ReportingChains.Tests.Approvals;

public class MinutesSignerTests
{
    [Fact]
    public void The_secretary_who_took_part_signs_on_behalf_of_the_standing_committee()
    {
        var session = Open(5);
        session.VoteRange(1, 4, VoteChoice.Agree); // approved at the 4th: quorum 4, approval 3

        var minutes = session.Decision!.Minutes!;

        Assert.Equal(["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đồng chí 1"], minutes.SignatureBlock);
        Assert.Null(minutes.SignsFor);
        Assert.Equal("m1", minutes.SignerMemberKey);
        Assert.Equal(new VoteTally(5, 4, 0, 0), minutes.Tally);
    }

    [Fact]
    public void When_the_secretary_did_not_take_part_the_first_deputy_who_did_signs_for_the_secretary()
    {
        var session = Open(6);
        session.VoteRange(3, 6, VoteChoice.Agree); // m1 (Secretary) and m2 (first deputy) absent; m3 votes

        var minutes = session.Decision!.Minutes!;

        Assert.Equal(["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "Đồng chí 3"], minutes.SignatureBlock);
    }

    [Fact]
    public void Among_members_who_took_part_the_secretary_outranks_the_deputies()
    {
        var session = Open(6);
        session.VoteRange(1, 4, VoteChoice.Agree);

        Assert.Equal("m1", session.Decision!.Minutes!.SignerMemberKey);
    }

    [Fact]
    public void A_deputy_head_signs_for_the_head_with_the_heads_title_and_the_collective_title_is_configurable()
    {
        IReadOnlyList<CollectiveMember> board =
        [
            new("h", "Trưởng ban", VoterRole.Head, Title: "Trưởng ban"),
            new("d", "Phó ban", VoterRole.DeputyHead, Title: "Phó Trưởng ban"),
            new("c", "Ủy viên", VoterRole.CommitteeMember),
        ];
        var session = VoteSession.Open(Guid.NewGuid(), 1, "TU-BDV", board, ApprovalRule.Default, Opened,
            collectiveTitle: "Ban Dân vận Tỉnh ủy");
        session.Cast("d", VoteChoice.Agree, null, Minutes(1));
        session.Cast("c", VoteChoice.Agree, null, Minutes(2));

        Assert.Equal(["T/M BAN DÂN VẬN TỈNH ỦY", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phó ban"],
            session.Decision!.Minutes!.SignatureBlock);
    }

    [Fact]
    public void A_collective_without_anyone_to_sign_is_refused_at_opening()
    {
        IReadOnlyList<CollectiveMember> members =
            [new("a", "A", VoterRole.CommitteeMember), new("b", "B", VoterRole.StandingCommitteeMember)];

        var refused = Assert.Throws<ApprovalException>(() =>
            VoteSession.Open(Guid.NewGuid(), 1, "CS-01", members, ApprovalRule.Default, Opened));

        Assert.Equal("collective", refused.Field);
    }

    [Fact]
    public void The_minutes_summary_states_the_tally_and_the_rule()
    {
        var session = Open(3);
        session.VoteRange(1, 2, VoteChoice.Agree);

        Assert.Equal(
            "Thông qua ngày 20/9/2022: 2/3 tham gia: 2 đồng ý, 0 không đồng ý, 0 không biểu quyết " +
            "(Tối thiểu 2/3 tổng số thành viên tham gia biểu quyết; thông qua khi trên 1/2 tổng số thành viên đồng ý).",
            session.Decision!.Minutes!.Summary(new DateOnly(2022, 9, 20)));
    }
}
