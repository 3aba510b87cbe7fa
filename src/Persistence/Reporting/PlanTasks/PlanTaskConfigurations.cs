using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.PlanTasks;

namespace WorkflowHost.Persistence.Reporting.PlanTasks;

/// <summary>One executing unit's share of a plan task; found by its human task id (unique) or by instance and task number.</summary>
public sealed class PlanTaskAssignmentConfiguration : IEntityTypeConfiguration<PlanTaskAssignment>
{
    public void Configure(EntityTypeBuilder<PlanTaskAssignment> assignment)
    {
        assignment.ToTable("PlanTaskAssignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.Id).ValueGeneratedNever();
        assignment.Property(a => a.PlanId).HasMaxLength(100).IsRequired();
        assignment.Property(a => a.WorkflowInstanceId).HasMaxLength(100).IsRequired();
        assignment.Property(a => a.TaskNumber).HasMaxLength(20).IsRequired();
        assignment.Property(a => a.Title).IsRequired();
        assignment.Property(a => a.UnitCode).HasMaxLength(40).IsRequired();
        assignment.Property(a => a.TaskId).HasMaxLength(100).IsRequired();
        assignment.Property(a => a.DueUtc).IsUtcInstant();
        assignment.Property(a => a.AssignedAt).IsUtcInstant();
        assignment.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.CompletedAt).IsUtcInstant();
        assignment.Property(a => a.LastReportedAt).IsUtcInstant();
        assignment.HasIndex(a => a.TaskId).IsUnique();
        assignment.HasIndex(a => new { a.WorkflowInstanceId, a.TaskNumber });
        assignment.HasIndex(a => new { a.PlanId, a.UnitCode });
    }
}

/// <summary>A unit's progress reports on a task, under its assignment.</summary>
public sealed class PlanTaskProgressEntryConfiguration : IEntityTypeConfiguration<PlanTaskProgressEntry>
{
    public void Configure(EntityTypeBuilder<PlanTaskProgressEntry> entry)
    {
        entry.ToTable("PlanTaskProgress");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.ReportedBy).HasMaxLength(256);
        entry.Property(e => e.ReportedAt).IsUtcInstant();
        entry.HasOne<PlanTaskAssignment>().WithMany().HasForeignKey(e => e.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => e.AssignmentId);
    }
}

/// <summary>Target values, queried per plan (and unit/target) to show where each target stands.</summary>
public sealed class PlanTargetValueConfiguration : IEntityTypeConfiguration<PlanTargetValue>
{
    public void Configure(EntityTypeBuilder<PlanTargetValue> value)
    {
        value.ToTable("PlanTargetValues");
        value.HasKey(v => v.Id);
        value.Property(v => v.Id).ValueGeneratedNever();
        value.Property(v => v.PlanId).HasMaxLength(100).IsRequired();
        value.Property(v => v.WorkflowInstanceId).HasMaxLength(100).IsRequired();
        value.Property(v => v.TaskNumber).HasMaxLength(20).IsRequired();
        value.Property(v => v.UnitCode).HasMaxLength(40).IsRequired();
        value.Property(v => v.TargetCode).HasMaxLength(40).IsRequired();
        value.Property(v => v.ReportedAt).IsUtcInstant();
        value.HasOne<PlanTaskProgressEntry>().WithMany().HasForeignKey(v => v.ProgressEntryId).OnDelete(DeleteBehavior.Cascade);
        value.HasIndex(v => new { v.PlanId, v.TargetCode, v.UnitCode });
        value.HasIndex(v => v.ProgressEntryId);
    }
}

/// <summary>The occasions that came, per instance.</summary>
public sealed class PlanOccasionRecordConfiguration : IEntityTypeConfiguration<PlanOccasionRecord>
{
    public void Configure(EntityTypeBuilder<PlanOccasionRecord> occasion)
    {
        occasion.ToTable("PlanOccasions");
        occasion.HasKey(o => o.Id);
        occasion.Property(o => o.Id).ValueGeneratedNever();
        occasion.Property(o => o.PlanId).HasMaxLength(100);
        occasion.Property(o => o.WorkflowInstanceId).HasMaxLength(100).IsRequired();
        occasion.Property(o => o.ActivityId).HasMaxLength(100).IsRequired();
        occasion.Property(o => o.Name).HasMaxLength(300).IsRequired();
        occasion.Property(o => o.At).IsUtcInstant();
        occasion.HasIndex(o => new { o.WorkflowInstanceId, o.Date });
    }
}
