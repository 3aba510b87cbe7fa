using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
