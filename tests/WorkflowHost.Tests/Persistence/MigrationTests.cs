using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Persistence;

/// <summary>
/// The migrations are hand-written, so these tests are what keeps them equal to the model: after migrating an empty
/// database every entity type's table and every mapped column must exist, on SQLite and on PostgreSQL.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "workflowhost-tests", "migrations-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static ServiceProvider Services(string provider, string connectionString) =>
        new ServiceCollection()
            .AddWorkflowHostPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:WorkflowHost"] = connectionString,
            }).Build(), Path.GetTempPath())
            .BuildServiceProvider();

    private ServiceProvider Sqlite() => Services("Sqlite", $"Data Source={Path.Combine(_folder, "migrate.db")}");

    /// <summary>Reads zero rows from every column of every table the model maps.</summary>
    private static async Task AssertEveryEntityIsQueryableAsync(WorkflowHostDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)));
            var query = $"SELECT {columns} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE 1 = 0";
            var exception = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(query));
            Assert.True(exception is null, $"Table {table.Name} does not match the model: {exception?.Message}");
        }
        // And through EF itself, entity by entity (materialisation, converters).
        var set = typeof(MigrationTests).GetMethod(nameof(QueryFirstAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !e.HasSharedClrType))
            await (Task)set.MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
    }

    private static Task QueryFirstAsync<T>(WorkflowHostDbContext db) where T : class => db.Set<T>().AsNoTracking().FirstOrDefaultAsync();

    private static IReadOnlyList<string> MigrationIds(WorkflowHostDbContext db) =>
        db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

    [Fact]
    public void Migrations_follow_the_naming_pattern_and_belong_to_the_context()
    {
        using var services = Sqlite();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();

        var ids = MigrationIds(db);
        Assert.Equal("20261122000001_Foundation", ids[0]);
        Assert.All(ids, id => Assert.Matches("^[0-9]{14}_[A-Z][A-Za-z0-9]+$", id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task An_empty_sqlite_database_migrates_and_every_entity_is_queryable()
    {
        await using var services = Sqlite();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await AssertEveryEntityIsQueryableAsync(db);
    }

    [Fact]
    public async Task Sqlite_migrates_step_by_step_and_back_down()
    {
        await using var services = Sqlite();
        await using var scope = services.CreateAsyncScope();
        await MigrateStepByStepAsync(scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>());
    }

    [PostgresFact]
    public async Task An_empty_postgres_database_migrates_and_every_entity_is_queryable()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var services = Services("Postgres", database.ConnectionString))
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await AssertEveryEntityIsQueryableAsync(db);
        }
    }

    [PostgresFact]
    public async Task Postgres_migrates_step_by_step_and_back_down()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var services = Services("Postgres", database.ConnectionString))
        await using (var scope = services.CreateAsyncScope())
            await MigrateStepByStepAsync(scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>());
    }

    /// <summary>
    /// Applies each migration in turn (so migration n always upgrades the schema of n-1), checks the model at the
    /// end, then reverts everything and migrates again.
    /// </summary>
    private static async Task MigrateStepByStepAsync(WorkflowHostDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        var ids = MigrationIds(db);
        foreach (var id in ids)
        {
            await migrator.MigrateAsync(id);
            Assert.Equal(id, (await db.Database.GetAppliedMigrationsAsync()).Last());
        }
        await AssertEveryEntityIsQueryableAsync(db);

        await migrator.MigrateAsync(Migration.InitialDatabase);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

        await db.Database.MigrateAsync();
        await AssertEveryEntityIsQueryableAsync(db);
    }
}
