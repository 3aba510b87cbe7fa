using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.Persistence.Reporting.Approvals;

/// <summary>
/// A vote session with its voters (snapshot of the collective) and every ballot as relational rows — who could vote
/// and who voted what, when, is what an auditor checks. Vote changes and comments are derived from the ballots, so
/// they are not stored twice. The rule is its JSON form (<see cref="ApprovalRuleJson"/>); the decision (tally,
/// minutes with the signer, comments) is an immutable snapshot written once, stored as JSON beside the
/// <see cref="VoteSession.State"/> column.
/// </summary>
public sealed class VoteSessionConfiguration : IEntityTypeConfiguration<VoteSession>
{
    public void Configure(EntityTypeBuilder<VoteSession> session)
    {
        session.ToTable("VoteSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.UnitCode).HasMaxLength(40).IsRequired();
        session.Property(s => s.CollectiveTitle).HasMaxLength(200).IsRequired();
        session.Property(s => s.Rule).HasColumnName("RuleJson").IsRequired()
            .HasConversion(rule => ApprovalRuleJson.Serialize(rule), json => ApprovalRuleJson.Deserialize(json));
        session.Property(s => s.OpenedAt).IsUtcInstant();
        session.Property(s => s.Deadline).IsUtcInstant();
        session.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        session.Property(s => s.Decision).HasColumnName("DecisionJson").IsJson();
        session.HasIndex(s => new { s.ReportId, s.ReportVersion });
        session.HasIndex(s => s.UnitCode);
        session.Ignore(s => s.Tally);
        session.Ignore(s => s.Changes);
        session.Ignore(s => s.Comments);

        session.OwnsMany(s => s.Voters, voter =>
        {
            voter.ToTable("VoteSessionVoters");
            voter.WithOwner().HasForeignKey("VoteSessionId");
            voter.HasKey("VoteSessionId", nameof(Voter.Position));
            voter.Property(v => v.Position).ValueGeneratedNever();
            voter.Property(v => v.Id).ValueGeneratedNever();
            voter.Property(v => v.MemberKey).HasMaxLength(100).IsRequired();
            voter.Property(v => v.PersonName).HasMaxLength(200).IsRequired();
            voter.Property(v => v.Role).HasConversion<string>().HasMaxLength(40);
            voter.Property(v => v.UserName).HasMaxLength(256);
            voter.Property(v => v.Title).HasMaxLength(300);
        });
        session.OwnsMany(s => s.Votes, vote =>
        {
            vote.ToTable("VoteBallots");
            vote.WithOwner().HasForeignKey("VoteSessionId");
            vote.HasKey("VoteSessionId", nameof(Vote.Sequence));
            vote.Property(v => v.Sequence).ValueGeneratedNever();
            vote.Property(v => v.Id).ValueGeneratedNever();
            vote.Property(v => v.MemberKey).HasMaxLength(100).IsRequired();
            vote.Property(v => v.Choice).HasConversion<string>().HasMaxLength(20);
            vote.Property(v => v.CastAt).IsUtcInstant();
        });
        session.Navigation(s => s.Voters).UsePropertyAccessMode(PropertyAccessMode.Field);
        session.Navigation(s => s.Votes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
