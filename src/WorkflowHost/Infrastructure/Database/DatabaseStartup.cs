using Microsoft.EntityFrameworkCore;
using WorkflowHost.Persistence;
using WorkflowHost.Seeding;
using WorkflowHost.Seeding.Organisation;

namespace WorkflowHost.Infrastructure.Database;

public static class DatabaseStartup
{
    /// <summary>
    /// Before the host serves anything: apply pending migrations, load the organisation seed into an empty database,
    /// and ensure the configured demo API key. A seed problem stops start-up (logged, then thrown).
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var db = services.GetRequiredService<WorkflowHostDbContext>();

        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
        try
        {
            await services.GetRequiredService<OrganisationSeedLoader>().LoadIfEmptyAsync(cancellationToken);
        }
        catch (SeedDataException exception)
        {
            logger.LogCritical("Start-up stopped. {Message}", exception.Message);
            throw;
        }
        await services.GetRequiredService<DemoApiKeySeeder>().EnsureAsync(cancellationToken);
    }
}
