using WorkflowHost.Infrastructure.Configuration;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Infrastructure.WorkflowEngine;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Tests.Workflows;

/// <summary>Start-up import of <c>workflows/*.json</c> through the real host (migrate → seed → import).</summary>
public sealed class WorkflowFileImportTests : IDisposable
{
    private const string ForkDefinitionId = "5590069018aa4f0e";
    private const string ParallelJoinDefinitionId = "2da8d4cb0fcfbacd";

    private readonly TestRoot _root = TestRoot.Create();

    public WorkflowFileImportTests()
    {
        Directory.CreateDirectory(Workflows);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workflows")))
            File.Copy(file, Path.Combine(Workflows, Path.GetFileName(file)));
        // Plan templates live below workflows/ and are not definitions: never read by the workflow importer (the
        // plan-template loader reads them, so the file must be a valid plan).
        Directory.CreateDirectory(Path.Combine(Workflows, "plans"));
        File.Copy(Path.Combine(RepositoryRoot.Locate(null), "workflows", "plans", "000.plan.json"),
            Path.Combine(Workflows, "plans", "000.plan.json"));
    }

    private string Workflows => Path.Combine(_root.Path, "workflows");

    public void Dispose() => _root.Dispose();

    private async Task<IReadOnlyList<WorkflowDefinitionVersion>> VersionsAfterStartAsync(string definitionId)
    {
        using var factory = new WorkflowHostFactory(_root);
        _ = factory.Server;
        return await factory.InScopeAsync(s => s.GetRequiredService<IWorkflowDefinitionService>().ListVersionsAsync(definitionId));
    }

    [Fact]
    public async Task Files_are_published_once_and_a_restart_adds_no_version()
    {
        var fork = await VersionsAfterStartAsync(ForkDefinitionId);
        var published = Assert.Single(fork);
        Assert.True(published is { IsPublished: true, IsLatest: true });
        Assert.Equal("Fork", published.Name);
        Assert.True(Assert.Single(await VersionsAfterStartAsync(ParallelJoinDefinitionId)).IsPublished);

        Assert.Single(await VersionsAfterStartAsync(ForkDefinitionId));
    }

    [Fact]
    public async Task A_newer_file_becomes_a_new_published_version()
    {
        var first = Assert.Single(await VersionsAfterStartAsync(ForkDefinitionId));
        EditFile("fork.json", model =>
        {
            model["version"] = first.Version + 1;
            model["description"] = "Phiên bản mới";
        });

        var versions = await VersionsAfterStartAsync(ForkDefinitionId);

        Assert.Equal(2, versions.Count);
        var latest = versions.Single(v => v.IsLatest);
        Assert.True(latest.IsPublished);
        Assert.Equal("Phiên bản mới", latest.Description);
        Assert.False(versions.Single(v => !v.IsLatest).IsPublished);
    }

    [Fact]
    public void A_bad_file_stops_start_up_naming_the_file_and_activity_and_stores_nothing()
    {
        EditFile("fork.json", model => model["root"]!["activities"]![1]!["type"] = "Elsa.NoSuchActivity");

        using var factory = new WorkflowHostFactory(_root);
        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);
        var problem = Assert.IsType<WorkflowFileException>(exception is WorkflowFileException ? exception : exception.GetBaseException());

        Assert.Contains("workflows/fork.json", problem.Message);
        Assert.Contains("e6f0cddb1cdbdd7c", problem.Message);
        Assert.Equal(0, CountDefinitionRows());
    }

    [Fact]
    public void A_bad_plan_template_stops_start_up_naming_the_file_and_the_field()
    {
        var path = Path.Combine(Workflows, "plans", "000.plan.json");
        var plan = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        plan["indicators"]![0]!["kind"] = "Sum2";
        File.WriteAllText(path, plan.ToJsonString());

        using var factory = new WorkflowHostFactory(_root);
        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        var message = exception.GetBaseException().Message;
        Assert.Contains("000.plan.json", message);
        Assert.Contains("$.indicators[0].kind", message);
    }

    private void EditFile(string name, Action<JsonObject> edit)
    {
        var path = Path.Combine(Workflows, name);
        var model = JsonNode.Parse(File.ReadAllText(path).TrimStart('\uFEFF'))!.AsObject();
        edit(model);
        File.WriteAllText(path, model.ToJsonString(JsonValues.Options));
    }

    private long CountDefinitionRows()
    {
        using var connection = new SqliteConnection($"Data Source={_root.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"WorkflowDefinitions\"";
        return (long)command.ExecuteScalar()!;
    }
}
