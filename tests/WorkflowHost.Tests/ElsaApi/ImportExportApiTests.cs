using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Tests.Support;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Every Elsa sample imports as a draft and exports back equal (except the engine-owned fields).</summary>
public sealed class ImportExportApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    public static TheoryData<string> Samples() => new(ElsaApiClient.SampleFiles());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Import_then_export_round_trips(string fileName)
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var original = JsonNode.Parse(File.ReadAllText(ElsaApiClient.SamplePath(fileName)).TrimStart('\uFEFF'))!.AsObject();

        var imported = await designer.ImportSampleAsync(fileName);
        Assert.False(imported["isPublished"]!.GetValue<bool>());
        ElsaApiClient.AssertNoNulls(new JsonObject { ["links"] = imported["links"]!.DeepClone(), ["variables"] = imported["variables"]!.DeepClone() });
        var definitionId = imported["definitionId"]!.GetValue<string>();

        var response = await designer.GetAsync($"/elsa/api/workflow-definitions/{definitionId}/export?versionOptions=Latest&includeConsumingWorkflows=False");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Empty(JsonComparison.Differences(original, exported));
        Assert.StartsWith("https://elsaworkflows.io/schemas/workflow-definition/", exported["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Importing_into_an_existing_definition_answers_200_and_bulk_export_zips_the_versions()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var first = await designer.ImportSampleAsync("fork.json");
        var second = await designer.ImportSampleAsync("cron-every-hour.json");
        var again = await designer.PostAsync("/workflow-definitions/import", first.DeepClone());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var response = await designer.PostAsync("/bulk-actions/export/workflow-definitions",
            new JsonObject { ["ids"] = new JsonArray(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>()), ["includeConsumingWorkflows"] = false });

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(2, zip.Entries.Count);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var json = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Assert.Contains(json["definitionId"]!.GetValue<string>(), new[] { first["definitionId"]!.GetValue<string>(), second["definitionId"]!.GetValue<string>() });
        }
    }
}
