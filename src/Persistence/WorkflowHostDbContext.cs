using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Persistence.Conventions;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence;

/// <summary>
/// The one database of the service: Identity, organisation, audit (and, from later migrations, the engine).
/// Each entity is mapped by its own <see cref="IEntityTypeConfiguration{TEntity}"/> in the feature folder.
/// </summary>
public class WorkflowHostDbContext(DbContextOptions<WorkflowHostDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<ReceivingChannel> ReceivingChannels => Set<ReceivingChannel>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkflowHostDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every persisted instant is a UTC DateTime. SQLite hands DateTimes back as Unspecified and Npgsql refuses
        // non-UTC values for timestamptz, so the kind is fixed on the way in and on the way out. (DateTimeOffset is
        // not used for our own columns: SQLite cannot order or compare it.)
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
