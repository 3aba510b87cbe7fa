using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Inbox;

namespace WorkflowHost.Persistence.Reporting.Inbox;

/// <summary>Inbox items; the task's payload and result stay the JSON the engine gave and took.</summary>
public sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> item)
    {
        item.ToTable("InboxItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).ValueGeneratedNever();
        item.Property(i => i.TaskId).HasMaxLength(100).IsRequired();
        item.Property(i => i.WorkflowInstanceId).HasMaxLength(100).IsRequired();
        item.Property(i => i.WorkflowDefinitionId).HasMaxLength(100);
        item.Property(i => i.Kind).HasMaxLength(40).IsRequired();
        item.Property(i => i.Title).HasMaxLength(500).IsRequired();
        item.Property(i => i.UnitCode).HasMaxLength(40);
        item.Property(i => i.RequiredRole).HasMaxLength(40);
        item.Property(i => i.Assignees).HasField("_assignees")
            .UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnName("AssigneesJson").IsJson().IsRequired();
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.CompletedBy).HasMaxLength(256);
        item.HasIndex(i => i.TaskId).IsUnique();
        item.HasIndex(i => new { i.Status, i.UnitCode });
        item.HasIndex(i => i.WorkflowInstanceId);
    }
}
