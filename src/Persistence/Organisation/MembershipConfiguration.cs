using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence.Organisation;

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> member)
    {
        member.ToTable("Memberships");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedOnAdd();
        member.Property(m => m.UnitCode).HasMaxLength(40).IsRequired();
        member.Property(m => m.Person).HasMaxLength(200).IsRequired();
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(40).IsRequired();
        member.Property(m => m.Title).HasMaxLength(300).IsRequired();
        member.Property(m => m.UserName).HasMaxLength(256);
        member.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.UnitCode).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UnitCode);
        member.HasIndex(m => m.UserName);
    }
}
