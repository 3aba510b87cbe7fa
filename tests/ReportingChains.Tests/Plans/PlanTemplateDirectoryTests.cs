using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.ReportingChains.Tests.Plans;

public class PlanTemplateDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plans-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheSeedFolderLoadsAllFourPlans()
    {
        var result = PlanTemplateDirectory.Read(RepositoryFiles.PathOf("workflows", "plans"));

        Assert.True(result.Succeeded);
        Assert.Equal(["000", "002", "003", "004"], result.Templates.Select(t => t.Id));
    }

    [Fact]
    public void BadFilesAndDuplicateIdsAreReportedPerFileAndTheGoodOnesStillLoad()
    {
        var good = File.ReadAllText(RepositoryFiles.PathOf("workflows", "plans", "004.plan.json"));
        File.WriteAllText(Path.Combine(_folder, "a.plan.json"), good);
        File.WriteAllText(Path.Combine(_folder, "b.plan.json"), good);
        File.WriteAllText(Path.Combine(_folder, "c.plan.json"), "{ \"id\": ");
        File.WriteAllText(Path.Combine(_folder, "notes.json"), "not a plan");

        var result = PlanTemplateDirectory.Read(_folder);

        Assert.Equal("004", Assert.Single(result.Templates).Id);
        Assert.Equal(["b.plan.json", "c.plan.json"], result.ErrorsByFile.Keys);
        Assert.Equal("$.id: plan id \"004\" is already used by a.plan.json", Assert.Single(result.ErrorsByFile["b.plan.json"]).ToString());
        Assert.StartsWith("$: invalid JSON at line 1", Assert.Single(result.ErrorsByFile["c.plan.json"]).ToString());
    }
}
