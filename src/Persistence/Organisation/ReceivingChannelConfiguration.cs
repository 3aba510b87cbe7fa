using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence.Organisation;

public sealed class ReceivingChannelConfiguration : IEntityTypeConfiguration<ReceivingChannel>
{
    public void Configure(EntityTypeBuilder<ReceivingChannel> channel)
    {
        channel.ToTable("ReceivingChannels");
        channel.HasKey(c => c.Id);
        channel.Property(c => c.Id).ValueGeneratedOnAdd();
        channel.Property(c => c.UnitCode).HasMaxLength(40).IsRequired();
        channel.Property(c => c.ViaCode).HasMaxLength(40).IsRequired();
        channel.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.ViaCode).OnDelete(DeleteBehavior.Restrict);
        channel.HasIndex(c => c.UnitCode);
        channel.HasIndex(c => c.ViaCode);
    }
}
