using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Persistence;

/// <summary>The whole host on PostgreSQL: migrations, seed loading through Identity, as-of queries.</summary>
public sealed class PostgresHostTests
{
    [PostgresFact]
    public async Task The_host_runs_on_postgres_and_serves_the_tree_as_of_both_dates()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        using var root = TestRoot.Create();
        using (var factory = new WorkflowHostFactory(root, new Dictionary<string, string?>
               {
                   ["Database:Provider"] = "Postgres",
                   ["ConnectionStrings:WorkflowHost"] = database.ConnectionString,
               }))
        {
            var client = factory.ClientWithApiKey(WorkflowHostFactory.DemoAdminKey);
            Assert.Equal("Healthy", await client.GetStringAsync("/health"));

            var before = await client.GetFromJsonAsync<JsonElement>("/api/org-units/TU?asOf=2022-09-01");
            Assert.Contains(before.GetProperty("children").EnumerateArray(), c => c.GetProperty("level").GetString() == "Huyen");
            var after = await client.GetFromJsonAsync<JsonElement>("/api/org-units/TU?asOf=2026-06-01");
            Assert.DoesNotContain(after.GetProperty("children").EnumerateArray(), c => c.GetProperty("level").GetString() == "Huyen");
            Assert.Equal("TU-BTGDV", after.GetProperty("viaBody").GetProperty("code").GetString());

            var signIn = await LoginForm.PostAsync(factory.CreateNonRedirectingClient(), "admin", "Demo@2026");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var verification = await client.GetFromJsonAsync<JsonElement>("/api/audit/verification");
            Assert.True(verification.GetProperty("isIntact").GetBoolean());
            Assert.Equal(1, verification.GetProperty("verifiedCount").GetInt32());
        }
        Assert.False(File.Exists(root.DatabaseFile));
    }
}

public sealed class PostgresAuditConcurrencyTests
{
    [PostgresFact]
    public async Task Concurrent_appends_in_separate_transactions_queue_up_into_one_intact_chain()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var services = new ServiceCollection()
            .AddWorkflowHostPersistence(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "Postgres",
                    ["ConnectionStrings:WorkflowHost"] = database.ConnectionString,
                }).Build(), Path.GetTempPath())
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().Database.MigrateAsync();

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().AppendAsync(new AuditEntry("Parallel", $"item:{i}"), "tester");
            await transaction.CommitAsync();
        })));

        await using (var scope = services.CreateAsyncScope())
        {
            var verification = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync();
            Assert.True(verification.IsIntact, verification.Problem);
            Assert.Equal(12, verification.VerifiedCount);
        }
    }
}
