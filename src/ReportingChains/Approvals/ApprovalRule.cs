using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>
/// How a collective decides, configurable per plan and level; stored as JSON with a "kind" discriminator
/// (<see cref="ApprovalRuleJson"/>). A rule says who votes (<see cref="SelectVoters"/>) and what a tally means
/// (<see cref="Decide"/>): it is decided as soon as the outstanding members can no longer change the outcome.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PartyMajorityRule), "partyMajority")]
[JsonDerivedType(typeof(UnanimityRule), "unanimity")]
[JsonDerivedType(typeof(HeadDecidesRule), "headDecides")]
public abstract record ApprovalRule
{
    /// <summary>The Party's rule: quorum at least 2/3 of all members, approval by more than half of all members.</summary>
    public static ApprovalRule Default { get; } = new PartyMajorityRule();

    /// <summary>The eligible voters out of the unit's collective.</summary>
    public virtual IReadOnlyList<CollectiveMember> SelectVoters(IReadOnlyList<CollectiveMember> collective) => collective;

    /// <summary>The outcome of <paramref name="tally"/>, or null while the outstanding members could still change it.
    /// With <paramref name="votingClosed"/> there is always an outcome.</summary>
    public abstract ApprovalOutcome? Decide(VoteTally tally, bool votingClosed);

    /// <summary>True when the collective decides together, so the minutes are signed T/M (on behalf of) it.</summary>
    [JsonIgnore]
    public virtual bool IsCollective => true;

    /// <summary>Checks the rule's own fields; throws <see cref="ApprovalException"/> naming the field.</summary>
    public virtual void Validate() { }

    /// <summary>"Quá bán tổng số, tối thiểu 2/3 tham gia" — for the minutes and the designer.</summary>
    public abstract string Describe();
}

/// <summary>
/// Quorum: at least <see cref="QuorumAtLeast"/> of ALL members take part (agree, disagree or abstain). Approval: more
/// than <see cref="ApprovalMoreThan"/> of ALL members agree — of all members, not of those voting, so abstentions
/// and absences weigh against approval.
/// </summary>
public sealed record PartyMajorityRule : ApprovalRule
{
    public Fraction QuorumAtLeast { get; init; } = new(2, 3);
    public Fraction ApprovalMoreThan { get; init; } = new(1, 2);

    public override ApprovalOutcome? Decide(VoteTally tally, bool votingClosed)
    {
        int quorum = QuorumAtLeast.AtLeastOf(tally.Eligible);
        int approval = ApprovalMoreThan.MoreThanOf(tally.Eligible);
        bool quorumReached = tally.Participated >= quorum;

        if (quorumReached && tally.Agree >= approval) return ApprovalOutcome.Approved;
        if (tally.Agree + tally.Outstanding < approval) return ApprovalOutcome.Rejected;
        if (!votingClosed) return null;
        return quorumReached ? ApprovalOutcome.Rejected : ApprovalOutcome.NotDecided;
    }

    public override void Validate()
    {
        if (QuorumAtLeast.Numerator == 0)
            throw new ApprovalException("quorumAtLeast",
                "Tỉ lệ tối thiểu tham gia biểu quyết phải lớn hơn 0.",
                "quorumAtLeast must be greater than 0.");
        if (ApprovalMoreThan.Numerator == ApprovalMoreThan.Denominator)
            throw new ApprovalException("approvalMoreThan",
                "Tỉ lệ tán thành phải nhỏ hơn 1 (không thể \"nhiều hơn toàn bộ\").",
                "approvalMoreThan must be less than 1 (more than all members is impossible).");
    }

    public override string Describe() =>
        $"Tối thiểu {QuorumAtLeast} tổng số thành viên tham gia biểu quyết; thông qua khi trên {ApprovalMoreThan} tổng số thành viên đồng ý";
}

/// <summary>Every member agrees; a single disagreement or abstention rejects. Without all votes by the deadline the
/// session is not decided.</summary>
public sealed record UnanimityRule : ApprovalRule
{
    public override ApprovalOutcome? Decide(VoteTally tally, bool votingClosed) => DecideUnanimously(tally, votingClosed);

    internal static ApprovalOutcome? DecideUnanimously(VoteTally tally, bool votingClosed)
    {
        if (tally.Disagree + tally.Abstain > 0) return ApprovalOutcome.Rejected;
        if (tally.Agree == tally.Eligible) return ApprovalOutcome.Approved;
        return votingClosed ? ApprovalOutcome.NotDecided : null;
    }

    public override string Describe() => "Thông qua khi tất cả thành viên đồng ý";
}

/// <summary>For bodies that decide individually: the head alone votes (the Secretary, or the Head of a body without
/// one); agreeing approves, anything else rejects.</summary>
public sealed record HeadDecidesRule : ApprovalRule
{
    [JsonIgnore]
    public override bool IsCollective => false;

    public override IReadOnlyList<CollectiveMember> SelectVoters(IReadOnlyList<CollectiveMember> collective)
    {
        var head = collective.FirstOrDefault(m => m.Role == VoterRole.Secretary)
                   ?? collective.FirstOrDefault(m => m.Role == VoterRole.Head)
                   ?? throw new ApprovalException("collective",
                       "Quy tắc \"thủ trưởng quyết định\" cần một Bí thư hoặc Thủ trưởng trong tập thể.",
                       "The headDecides rule needs a Secretary or a Head in the collective.");
        return [head];
    }

    public override ApprovalOutcome? Decide(VoteTally tally, bool votingClosed) =>
        UnanimityRule.DecideUnanimously(tally, votingClosed);

    public override string Describe() => "Thủ trưởng quyết định";
}
