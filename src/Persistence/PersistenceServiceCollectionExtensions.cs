using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHost.Persistence.Audit;
using WorkflowHost.Persistence.Conventions;
using WorkflowHost.Persistence.Organisation;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The one place that picks the database provider: registers <see cref="WorkflowHostDbContext"/> on SQLite or
    /// PostgreSQL and the EF implementations of the domain's stores.
    /// </summary>
    public static IServiceCollection AddWorkflowHostPersistence(
        this IServiceCollection services, IConfiguration configuration, string rootPath)
    {
        var settings = DatabaseSettings.From(configuration, rootPath);
        services.AddSingleton(settings);
        services.AddDbContextPool<WorkflowHostDbContext>(options => Configure(options, settings));
        // The Identity part of the model depends on these store options; fixing them here keeps the model (and so
        // the hand-written migration) the same whoever builds the context.
        services.Configure<IdentityOptions>(ConfigureIdentityStore);
        services.AddScoped<IOrganisationQueries, EfOrganisationQueries>();
        services.AddScoped<IAuditTrail, EfAuditTrail>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static void ConfigureIdentityStore(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
        options.Stores.MaxLengthForKeys = 128;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteConnectionPragmas.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown provider"),
        };
        // The migrations are written by hand (EF's design-time tools are not available), so there is no model
        // snapshot and EF would report every start-up as "pending model changes". The guarantee that the
        // migrations match the model comes from the test that migrates an empty database and queries every entity.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
