using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Studio's drill-down into containers: subgraph and path segments of a stored definition version.</summary>
public sealed class SubgraphApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    // parallel-join.json: root flowchart → ParallelForEach (port "body") → flowchart → FlowDecision, WriteLine ×2, FlowJoin.
    private const string Root = "Workflow1:d3350290ed96e720";
    private const string ForEach = Root + ":70fc1183cd5800f2";
    private const string Body = ForEach + ":b07170f2d68980cd";
    private const string WriteLine = Body + ":e27177eb5965bd6b";

    [Fact]
    public async Task Subgraph_answers_the_node_with_its_activity_and_the_root_without_a_parent_node_id()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var versionId = (await ImportAsync())["id"]!.GetValue<string>();

        var forEach = await reader.GetJsonAsync($"/workflow-definitions/subgraph/{versionId}?parentNodeId={Uri.EscapeDataString(ForEach)}");
        Assert.Equal(ForEach, forEach["nodeId"]!.GetValue<string>());
        Assert.Equal("Elsa.ParallelForEach", forEach["activity"]!["type"]!.GetValue<string>());
        Assert.Equal(4, forEach["activity"]!["body"]!["activities"]!.AsArray().Count);
        Assert.Equal("Activities", forEach["port"]!.GetValue<string>());

        var root = await reader.GetJsonAsync($"/workflow-definitions/subgraph/{versionId}");
        Assert.Equal(Root, root["nodeId"]!.GetValue<string>());
        Assert.Equal("Elsa.Flowchart", root["activity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Segments_lead_from_the_root_through_the_ForEach_body_to_the_node()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var versionId = (await ImportAsync())["id"]!.GetValue<string>();

        var answer = await reader.GetJsonAsync($"/workflow-definitions/subgraph/segments/{versionId}?childNodeId={Uri.EscapeDataString(WriteLine)}");

        Assert.Equal(WriteLine, answer["childNode"]!["nodeId"]!.GetValue<string>());
        Assert.Equal("Elsa.WriteLine", answer["childNode"]!["activity"]!["type"]!.GetValue<string>());
        Assert.Equal(ForEach, answer["container"]!["nodeId"]!.GetValue<string>());
        var segment = answer["pathSegments"]!.AsArray().Single()!;
        Assert.Equal(ForEach, segment["activityNodeId"]!.GetValue<string>());
        Assert.Equal("Elsa.ParallelForEach", segment["activityType"]!.GetValue<string>());
        Assert.Equal("Body", segment["portName"]!.GetValue<string>());

        var top = await reader.GetJsonAsync($"/workflow-definitions/subgraph/segments/{versionId}?childNodeId={Uri.EscapeDataString(ForEach)}");
        Assert.Empty(top["pathSegments"]!.AsArray());
        Assert.Equal(Root, top["container"]!["nodeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_versions_and_nodes_are_404_and_a_missing_child_node_id_is_400()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var versionId = (await ImportAsync())["id"]!.GetValue<string>();

        await reader.GetJsonAsync("/workflow-definitions/subgraph/khong-co", HttpStatusCode.NotFound);
        await reader.GetJsonAsync($"/workflow-definitions/subgraph/{versionId}?parentNodeId=Workflow1:khong-co", HttpStatusCode.NotFound);
        await reader.GetJsonAsync($"/workflow-definitions/subgraph/segments/{versionId}?childNodeId=Workflow1:khong-co", HttpStatusCode.NotFound);
        var problem = await reader.GetJsonAsync($"/workflow-definitions/subgraph/segments/{versionId}", HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["childNodeId"]);
    }

    private async Task<JsonObject> ImportAsync()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        return await designer.ImportSampleAsync("parallel-join.json");
    }
}
