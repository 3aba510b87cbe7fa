using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHost.Persistence.Identity;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("ApiKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.UserId).IsRequired();
        key.Property(k => k.Name).HasMaxLength(100).IsRequired();
        key.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        key.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.UserId);
        key.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
