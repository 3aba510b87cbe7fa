using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// A migrated database (a temp SQLite file, or a temp PostgreSQL database) with the reporting repositories; each
/// <see cref="InScopeAsync"/> is a fresh scope and so a fresh DbContext — what is read there came from the database.
/// </summary>
public sealed class ReportingDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _folder;
    private readonly TemporaryPostgresDatabase? _postgres;

    private ReportingDatabase(ServiceProvider services, string? folder, TemporaryPostgresDatabase? postgres)
    {
        _services = services;
        _folder = folder;
        _postgres = postgres;
    }

    public IServiceProvider Services => _services;

    public static async Task<ReportingDatabase> SqliteAsync(Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflowhost-tests", "reporting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return await CreateAsync("Sqlite", $"Data Source={Path.Combine(folder, "reporting.db")}", folder, null, configure);
    }

    public static async Task<ReportingDatabase> PostgresAsync(Action<IServiceCollection>? configure = null)
    {
        var database = await TemporaryPostgresDatabase.CreateAsync();
        return await CreateAsync("Postgres", database.ConnectionString, null, database, configure);
    }

    public static Task<ReportingDatabase> CreateAsync(string provider, Action<IServiceCollection>? configure = null) =>
        provider == "Postgres" ? PostgresAsync(configure) : SqliteAsync(configure);

    private static async Task<ReportingDatabase> CreateAsync(string provider, string connectionString, string? folder,
        TemporaryPostgresDatabase? postgres, Action<IServiceCollection>? configure)
    {
        var collection = new ServiceCollection()
            .AddLogging()
            .AddWorkflowHostPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:WorkflowHost"] = connectionString,
            }).Build(), Path.GetTempPath())
            .AddReportingPersistence();
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().Database.MigrateAsync();
        return new ReportingDatabase(services, folder, postgres);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="action"/> in a fresh scope and saves its context, as a command or engine commit does.</summary>
    public async Task SaveAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().SaveChangesAsync();
    }

    public Task SaveAsync(Action<IServiceProvider> action) => SaveAsync(sp => { action(sp); return Task.CompletedTask; });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
