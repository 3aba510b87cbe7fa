using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Handoffs;

namespace WorkflowHost.Persistence.Reporting.Handoffs;

/// <summary>
/// One row per attempt; the chain is <see cref="Submission.PreviousSubmissionId"/>/<see cref="Submission.ResubmittedAsId"/>.
/// The return reasons are a short list of texts read with the row, stored as a JSON array.
/// </summary>
public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.ToTable("Submissions");
        submission.HasKey(s => s.Id);
        submission.Property(s => s.Id).ValueGeneratedNever();
        submission.Property(s => s.FromUnitCode).HasMaxLength(40).IsRequired();
        submission.Property(s => s.ToUnitCode).HasMaxLength(40).IsRequired();
        submission.Property(s => s.ViaUnitCode).HasMaxLength(40).IsRequired();
        submission.Property(s => s.SubmittedBy).HasMaxLength(256).IsRequired();
        submission.Property(s => s.AcknowledgedBy).HasMaxLength(256);
        submission.Property(s => s.ReturnedBy).HasMaxLength(256);
        submission.Property(s => s.ForwardedBy).HasMaxLength(256);
        submission.Property(s => s.SubmittedAt).IsUtcInstant();
        submission.Property(s => s.Deadline).IsUtcInstant();
        submission.Property(s => s.AcknowledgedAt).IsUtcInstant();
        submission.Property(s => s.ReturnedAt).IsUtcInstant();
        submission.Property(s => s.ForwardedAt).IsUtcInstant();
        submission.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.ReturnReasons).HasField("_returnReasons")
            .UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnName("ReturnReasonsJson").IsJson().IsRequired();
        submission.Ignore(s => s.Route);
        submission.Ignore(s => s.Timeliness);
        submission.HasIndex(s => new { s.ReportId, s.Attempt }).IsUnique();
        submission.HasIndex(s => s.FromUnitCode);
        submission.HasIndex(s => s.ToUnitCode);
        submission.HasIndex(s => s.ViaUnitCode);
    }
}
