using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Tests.Persistence;

public sealed class UtcConventionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "workflowhost-tests", $"utc-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Instants_come_back_from_sqlite_as_utc_and_audit_hashes_survive_the_round_trip()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        await using var services = new ServiceCollection()
            .AddWorkflowHostPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:WorkflowHost"] = $"Data Source={_file}",
            }).Build(), Path.GetTempPath())
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
            await db.Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().AppendAsync(new AuditEntry("Test", "thing:1"), "tester");
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().AuditRecords.SingleAsync();
            Assert.Equal(DateTimeKind.Utc, record.TimeUtc.Kind);
            Assert.Equal(AuditHasher.Compute(record), record.Hash);
        }
    }
}
