using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Elsa's count endpoints and input options, answered from the stores and the activity registry.</summary>
public sealed class QueryEndpointTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Definition_count_counts_definitions_not_versions()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var before = (await designer.GetJsonAsync("/workflow-definitions/query/count"))["count"]!.GetValue<int>();

        var v1 = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Đếm định nghĩa"), publish: true);
        Assert.Equal(before + 1, (await designer.GetJsonAsync("/workflow-definitions/query/count"))["count"]!.GetValue<int>());
        var model = (JsonObject)v1.DeepClone();
        model["description"] = "phiên bản 2";
        var v2 = await designer.SaveAsync(model);

        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        Assert.Equal(before + 1, (await auditor.GetJsonAsync("/workflow-definitions/query/count"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Activity_execution_count_filters_by_activity_and_completion()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var definitionId = (await designer.SaveAsync(ElsaApiClient.RunTaskModel("Đếm thực thi")))["definitionId"]!.GetValue<string>();
        var started = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/execute", new JsonObject { ["versionOptions"] = "Latest" });
        var instanceId = started["workflowState"]!["id"]!.GetValue<string>();
        var records = (await designer.GetJsonAsync($"/activity-executions/list?WorkflowInstanceId={instanceId}"))["items"]!.AsArray();

        async Task<int> Count(string query) => (await designer.GetJsonAsync($"/activity-executions/count?WorkflowInstanceId={instanceId}{query}"))["count"]!.GetValue<int>();

        Assert.Equal(records.Count, await Count(""));
        Assert.Equal(1, await Count("&ActivityId=task1"));
        Assert.Equal(0, await Count("&ActivityId=task1&Completed=True"));
        Assert.Equal(1, await Count("&ActivityId=start1&Completed=True"));
        Assert.Equal(records.Count(r => r!["completedAt"] is null), await Count("&Completed=False"));
        Assert.NotNull((await designer.GetJsonAsync($"/activity-executions/count?WorkflowInstanceId={instanceId}&Completed=maybe", HttpStatusCode.BadRequest))["errors"]!["Completed"]);
        Assert.NotNull((await designer.GetJsonAsync("/activity-executions/count", HttpStatusCode.BadRequest))["errors"]!["WorkflowInstanceId"]);
    }

    [Fact]
    public async Task Input_options_answer_the_enum_dropdown_of_RequestReports_Selection()
    {
        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var descriptor = (await auditor.GetJsonAsync("/descriptors/activities"))["items"]!.AsArray()
            .Single(d => d!["name"]!.GetValue<string>() == "RequestReports")!;
        var typeName = descriptor["typeName"]!.GetValue<string>();

        var options = await auditor.PostJsonAsync($"/descriptors/activities/{typeName}/options/Selection",
            new JsonObject { ["context"] = new JsonObject { ["selection"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "ByKind" } } } });

        var items = options["items"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!["value"]!.GetValue<string>());
        Assert.Equal(Enum.GetNames<WorkflowHost.ReportingChains.Activities.ReportingUnitSelection>().Order(StringComparer.Ordinal), items);
        var declared = descriptor["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "Selection")!["uiSpecifications"];
        Assert.True(JsonNode.DeepEquals(declared, options["items"]));
    }

    [Fact]
    public async Task Input_options_of_an_input_without_specifications_are_empty_and_mistakes_are_named()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var picker = await reader.PostJsonAsync("/descriptors/activities/Elsa.DispatchWorkflow/options/WorkflowDefinitionId?version=1", new JsonObject { ["context"] = null });
        Assert.Empty(picker["items"]!.AsObject());

        await ElsaApiClient.ReadAsync(await reader.PostAsync("/descriptors/activities/Acme.Nothing/options/Text", new JsonObject()), HttpStatusCode.NotFound);
        await ElsaApiClient.ReadAsync(await reader.PostAsync("/descriptors/activities/Elsa.WriteLine/options/Colour", new JsonObject()), HttpStatusCode.NotFound);
        await ElsaApiClient.ReadAsync(await reader.PostAsync("/descriptors/activities/Elsa.WriteLine/options/Text?version=7", new JsonObject()), HttpStatusCode.NotFound);
        var badVersion = await ElsaApiClient.ReadAsync(await reader.PostAsync("/descriptors/activities/Elsa.WriteLine/options/Text?version=x", new JsonObject()), HttpStatusCode.BadRequest);
        Assert.NotNull(badVersion["errors"]!["version"]);
        var badContext = await ElsaApiClient.ReadAsync(await reader.PostRawAsync("/descriptors/activities/Elsa.WriteLine/options/Text", """{"context":[1]}"""), HttpStatusCode.BadRequest);
        Assert.NotNull(badContext["errors"]!["context"]);
    }
}
