using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.Persistence.Reporting.Reminders;

/// <summary>A unit's reminder schedule with its planned reminders as owned rows (kept in due order by an identity key).</summary>
public sealed class UnitReminderScheduleConfiguration : IEntityTypeConfiguration<UnitReminderSchedule>
{
    public void Configure(EntityTypeBuilder<UnitReminderSchedule> schedule)
    {
        schedule.ToTable("UnitReminderSchedules");
        schedule.HasKey(s => s.Id);
        schedule.Property(s => s.Id).ValueGeneratedNever();
        schedule.Property(s => s.PlanKey).HasMaxLength(100).IsRequired();
        schedule.Property(s => s.UnitCode).HasMaxLength(40).IsRequired();
        schedule.Property(s => s.UnitName).HasMaxLength(300).IsRequired();
        schedule.Property(s => s.Subject).HasMaxLength(1000).IsRequired();
        schedule.Property(s => s.DeadlineLabel).HasMaxLength(200).IsRequired();
        schedule.Property(s => s.Deadline).IsUtcInstant();
        schedule.Property(s => s.EscalationAt).IsUtcInstant();
        schedule.Property(s => s.SubmittedAt).IsUtcInstant();
        schedule.Ignore(s => s.NextDueAt);
        schedule.HasIndex(s => new { s.PlanKey, s.UnitCode });
        schedule.HasIndex(s => s.UnitCode);

        schedule.OwnsMany(s => s.Reminders, reminder =>
        {
            reminder.ToTable("PlannedReminders");
            reminder.WithOwner().HasForeignKey("ScheduleId");
            reminder.Property<int>("RowId").ValueGeneratedOnAdd();
            reminder.HasKey("RowId");
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.HasIndex(r => r.Id).IsUnique();
            reminder.Property(r => r.DueAt).IsUtcInstant();
            reminder.Property(r => r.SentAt).IsUtcInstant();
            reminder.Property(r => r.CancelledAt).IsUtcInstant();
            reminder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            reminder.Ignore(r => r.OffsetLabel);
        });
        schedule.Navigation(s => s.Reminders).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
