using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Workflows;

/// <summary>An installation on the foundation schema upgrades to the engine's: its rows survive, the engine runs.</summary>
public sealed class EngineMigrationTests
{
    [Fact]
    public async Task A_foundation_sqlite_database_upgrades_with_its_rows_intact()
    {
        using var file = new SqliteDatabaseFile();
        await UpgradeAndRunAsync("Sqlite", file.ConnectionString);
    }

    [PostgresFact]
    public async Task A_foundation_postgres_database_upgrades_with_its_rows_intact()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await UpgradeAndRunAsync("Postgres", database.ConnectionString);
    }

    private static async Task UpgradeAndRunAsync(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:WorkflowHost"] = connectionString,
        }).Build();
        await using (var services = new ServiceCollection().AddWorkflowHostPersistence(configuration, Path.GetTempPath()).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("20261122000001_Foundation");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "OrgUnits" ("Code", "Name", "ShortName", "Kind", "ValidFrom") VALUES ('T01', 'Tỉnh ủy Bình Minh', 'Tỉnh ủy', 'Province', '2026-01-01');
                INSERT INTO "OrgUnits" ("Code", "Name", "ShortName", "Kind", "ParentCode", "ValidFrom") VALUES ('H01', 'Huyện ủy Tân Hòa', 'Huyện ủy', 'District', 'T01', '2026-01-01');
                """);

            await db.Database.MigrateAsync();

            Assert.Contains("20261122000002_WorkflowEngine", await db.Database.GetAppliedMigrationsAsync());
            var names = await db.Database.SqlQueryRaw<string>("""SELECT "Name" AS "Value" FROM "OrgUnits" ORDER BY "Code" """).ToListAsync();
            Assert.Equal(["Huyện ủy Tân Hòa", "Tỉnh ủy Bình Minh"], names);
        }

        await using var host = await EngineHost.StartAsync(provider, connectionString);
        var flow = await host.PublishAsync(TestWorkflows.WaitOnDelay("1.00:00:00"));
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId });
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        Assert.Equal(1, await host.Driver.RunUntilIdleAsync());
    }
}
