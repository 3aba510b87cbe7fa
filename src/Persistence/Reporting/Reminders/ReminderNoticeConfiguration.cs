using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.Persistence.Reporting.Reminders;

/// <summary>A sent reminder as a row (who, which unit, when, the text); its recipients — name, login, role — are a
/// JSON list read with it.</summary>
public sealed class ReminderNoticeConfiguration : IEntityTypeConfiguration<ReminderNotice>
{
    public void Configure(EntityTypeBuilder<ReminderNotice> notice)
    {
        notice.ToTable("ReminderNotices");
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Id).ValueGeneratedNever();
        notice.Property(n => n.PlanKey).HasMaxLength(100).IsRequired();
        notice.Property(n => n.UnitCode).HasMaxLength(40).IsRequired();
        notice.Property(n => n.OffsetLabel).HasMaxLength(20).IsRequired();
        notice.Property(n => n.Text).IsRequired();
        notice.Property(n => n.SentAt).IsUtcInstant();
        notice.Property(n => n.Deadline).IsUtcInstant();
        notice.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        notice.Property(n => n.Recipients).HasField("_recipients").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName("RecipientsJson").IsJson().IsRequired();
        notice.HasIndex(n => n.ScheduleId);
        notice.HasIndex(n => n.UnitCode);
    }
}
