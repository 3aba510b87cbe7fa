using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.Tests.ElsaApi;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Tests.Plans;

/// <summary>
/// The four seed plans as a designer starts them: the repository's workflows/ and demo organisation imported at
/// start-up, then "Run" through the Elsa API Studio calls (<c>POST /workflow-definitions/{id}/execute</c>) on the
/// plan's own date. Each starts without an incident and hands its first tasks to the right inboxes.
/// </summary>
public sealed class PlanStartFromApiTests : IDisposable
{
    private readonly TestRoot _root = TestRoot.Create();

    public PlanStartFromApiTests()
    {
        var repository = RepositoryRoot.Locate(null);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "seeds", "organisation"), "*.json"))
            File.Copy(file, _root.SeedFile(Path.GetFileName(file)), overwrite: true);
        CopyDirectory(Path.Combine(repository, "workflows"), Path.Combine(_root.Path, "workflows"));
    }

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("plan-000", "2014-06-17")]
    [InlineData("plan-002", "2022-08-15")]
    [InlineData("plan-003", "2026-06-01")]
    [InlineData("plan-004", "2019-01-16")]
    public async Task A_seed_plan_started_from_the_Elsa_API_runs_without_incidents_and_opens_its_first_tasks(string definitionId, string day)
    {
        // No background scheduler: the test runs the due rows itself, so it knows when the chains have started.
        using var factory = new WorkflowHostFactory(_root, services: services => services.Remove(services.Single(d =>
            d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(TimerScheduler).Assembly)));
        factory.Clock.Advance(DateTimeOffset.Parse(day + "T01:00:00Z") - factory.Clock.GetUtcNow());
        _ = factory.Server;
        var designer = await factory.ClientWithApiKeyOfAsync("designer");

        var response = await designer.PostRawAsync($"/workflow-definitions/{definitionId}/execute", """{"versionOptions":"Published"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        // The units' chains are queued starts (RequestReports dispatches them): run every due row there is now.
        var scheduler = factory.Services.GetRequiredService<TimerScheduler>();
        for (var round = 0; round < 20 && await scheduler.ProcessDueAsync() > 0; round++) { }

        var instance = await designer.GetJsonAsync($"/workflow-instances/{instanceId}");
        Assert.Equal(("Running", "Suspended"), (instance["status"]!.GetValue<string>(), instance["subStatus"]!.GetValue<string>()));
        Assert.Empty(instance["workflowState"]!["incidents"]!.AsArray());

        var (faulted, openTasks) = await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<WorkflowHostDbContext>();
            var faultedCount = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM \"WorkflowInstances\" WHERE \"SubStatus\" = 'Faulted'").SingleAsync();
            var open = await db.Set<InboxItem>().CountAsync(i => i.Status == InboxItemStatus.Open);
            return (faultedCount, open);
        });
        Assert.Equal(0, faulted);
        Assert.True(openTasks > 0, $"{definitionId} opened no task in any inbox");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
