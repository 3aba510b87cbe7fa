using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHost.Persistence.Reporting.Calendar;

public sealed class HolidayOverrideEntryConfiguration : IEntityTypeConfiguration<HolidayOverrideEntry>
{
    public void Configure(EntityTypeBuilder<HolidayOverrideEntry> entry)
    {
        entry.ToTable("HolidayOverrides");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Reason).HasMaxLength(500).IsRequired();
        entry.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        entry.HasIndex(e => e.Date).IsUnique();
        entry.HasIndex(e => e.Year);
    }
}
