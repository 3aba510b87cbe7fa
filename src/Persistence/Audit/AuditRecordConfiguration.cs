using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Persistence.Audit;

public sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> record)
    {
        record.ToTable("AuditRecords");
        record.HasKey(r => r.Sequence);
        // Assigned by the trail (previous + 1), never by the database: the primary key then rejects a second
        // writer that tried to append after the same predecessor.
        record.Property(r => r.Sequence).ValueGeneratedNever();
        record.Property(r => r.Actor).HasMaxLength(256).IsRequired();
        record.Property(r => r.Action).HasMaxLength(100).IsRequired();
        record.Property(r => r.UnitCode).HasMaxLength(40);
        record.Property(r => r.WorkflowInstanceId).HasMaxLength(100);
        record.Property(r => r.Target).HasMaxLength(300).IsRequired();
        record.Property(r => r.PreviousHash).HasMaxLength(64).IsRequired();
        record.Property(r => r.Hash).HasMaxLength(64).IsRequired();
        record.HasIndex(r => r.TimeUtc);
        record.HasIndex(r => r.UnitCode);
        record.HasIndex(r => r.WorkflowInstanceId);
    }
}
