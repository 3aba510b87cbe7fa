using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.ReportingChains.Tests.Approvals;

public class ApprovalRuleTests
{
    [Theory]
    [InlineData(11, 8, 6)]
    [InlineData(12, 8, 7)]
    [InlineData(15, 10, 8)]
    [InlineData(3, 2, 2)]
    [InlineData(1, 1, 1)]
    public void The_party_rule_counts_quorum_and_approval_over_all_members(int members, int quorum, int approval)
    {
        var rule = new PartyMajorityRule();

        Assert.Equal(quorum, rule.QuorumAtLeast.AtLeastOf(members));
        Assert.Equal(approval, rule.ApprovalMoreThan.MoreThanOf(members));
    }

    [Fact]
    public void Custom_fractions_change_the_thresholds()
    {
        var rule = new PartyMajorityRule { QuorumAtLeast = new(1, 2), ApprovalMoreThan = new(2, 3) };

        Assert.Equal(ApprovalOutcome.Approved, rule.Decide(new VoteTally(9, 7, 0, 0), votingClosed: false));
        Assert.Null(rule.Decide(new VoteTally(9, 6, 0, 0), votingClosed: false));
        Assert.Equal(ApprovalOutcome.Rejected, rule.Decide(new VoteTally(9, 6, 0, 0), votingClosed: true));
        Assert.Equal(ApprovalOutcome.NotDecided, rule.Decide(new VoteTally(9, 4, 0, 0), votingClosed: true));
    }

    [Fact]
    public void The_default_rule_serializes_with_its_kind_and_fractions_as_text()
    {
        Assert.Equal("""{"kind":"partyMajority","quorumAtLeast":"2/3","approvalMoreThan":"1/2"}""",
            ApprovalRuleJson.Serialize(ApprovalRule.Default));
        Assert.Equal("""{"kind":"unanimity"}""", ApprovalRuleJson.Serialize(new UnanimityRule()));
        Assert.Equal("""{"kind":"headDecides"}""", ApprovalRuleJson.Serialize(new HeadDecidesRule()));
    }

    [Theory]
    [InlineData("""{"kind":"partyMajority"}""")]
    [InlineData("""{"quorumAtLeast":"2/3","kind":"partyMajority"}""")]
    [InlineData("""{"kind":"unanimity"}""")]
    [InlineData("""{"kind":"headDecides"}""")]
    [InlineData("""{"kind":"partyMajority","quorumAtLeast":"3/4","approvalMoreThan":"2/3"}""")]
    public void Rules_round_trip_through_json(string json)
    {
        var rule = ApprovalRuleJson.Deserialize(json);

        Assert.Equal(rule, ApprovalRuleJson.Deserialize(ApprovalRuleJson.Serialize(rule)));
    }

    [Fact]
    public void Json_defaults_to_the_party_fractions()
    {
        var rule = Assert.IsType<PartyMajorityRule>(ApprovalRuleJson.Deserialize("""{"kind":"partyMajority"}"""));

        Assert.Equal(new Fraction(2, 3), rule.QuorumAtLeast);
        Assert.Equal(new Fraction(1, 2), rule.ApprovalMoreThan);
    }

    [Theory]
    [InlineData("""{"kind":"partyMajority","quorumAtLeast":"3/2"}""", "quorumAtLeast")]
    [InlineData("""{"kind":"partyMajority","approvalMoreThan":"half"}""", "approvalMoreThan")]
    [InlineData("""{"kind":"partyMajority","approvalMoreThan":"1/1"}""", "approvalMoreThan")]
    [InlineData("""{"kind":"partyMajority","quorumAtLeast":"0/3"}""", "quorumAtLeast")]
    [InlineData("""{"kind":"majorityOfVoters"}""", "kind")]
    [InlineData("""{"quorumAtLeast":"2/3"}""", "kind")]
    public void Bad_rules_are_refused_naming_the_field(string json, string field)
    {
        var refused = Assert.Throws<ApprovalException>(() => ApprovalRuleJson.Deserialize(json));

        Assert.Equal(field, refused.Field);
    }
}
