using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence.Organisation;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> unit)
    {
        unit.ToTable("OrgUnits");
        unit.HasKey(u => u.Code);
        unit.Property(u => u.Code).HasMaxLength(40);
        unit.Property(u => u.Name).HasMaxLength(300).IsRequired();
        unit.Property(u => u.ShortName).HasMaxLength(150).IsRequired();
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(40).IsRequired();
        unit.Property(u => u.Function).HasConversion<string>().HasMaxLength(40);
        unit.Property(u => u.ParentCode).HasMaxLength(40);
        unit.Ignore(u => u.Level);
        unit.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentCode).OnDelete(DeleteBehavior.Restrict);
        unit.HasMany(u => u.ReceivesVia).WithOne().HasForeignKey(c => c.UnitCode).OnDelete(DeleteBehavior.Cascade);
        unit.HasIndex(u => u.ParentCode);
    }
}
