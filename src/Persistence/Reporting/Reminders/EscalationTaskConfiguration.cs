using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.Persistence.Reporting.Reminders;

public sealed class EscalationTaskConfiguration : IEntityTypeConfiguration<EscalationTask>
{
    public void Configure(EntityTypeBuilder<EscalationTask> task)
    {
        task.ToTable("EscalationTasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.Id).ValueGeneratedNever();
        task.Property(t => t.PlanKey).HasMaxLength(100).IsRequired();
        task.Property(t => t.LaggardUnitCode).HasMaxLength(40).IsRequired();
        task.Property(t => t.LaggardUnitName).HasMaxLength(300).IsRequired();
        task.Property(t => t.UrgingBodyCode).HasMaxLength(40).IsRequired();
        task.Property(t => t.SupervisingUnitCode).HasMaxLength(40);
        task.Property(t => t.Title).HasMaxLength(500).IsRequired();
        task.Property(t => t.Description).IsRequired();
        task.Property(t => t.ClosedBy).HasMaxLength(256);
        task.Property(t => t.CreatedAt).IsUtcInstant();
        task.Property(t => t.Due).IsUtcInstant();
        task.Property(t => t.ClosedAt).IsUtcInstant();
        task.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        task.Ignore(t => t.AssigneeUnitCodes);
        task.HasIndex(t => t.ScheduleId);
        task.HasIndex(t => t.UrgingBodyCode);
        task.HasIndex(t => t.SupervisingUnitCode);
    }
}
