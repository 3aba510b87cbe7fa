using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>The calls Studio makes when a page loads (ELSA-API §3.5) answer with its exact shapes.</summary>
public sealed class StartupEndpointTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/features/installed")]
    [InlineData("/descriptors/activities?Refresh=True")]
    [InlineData("/descriptors/expression-descriptors")]
    [InlineData("/descriptors/workflow-activation-strategies")]
    [InlineData("/descriptors/log-persistence-strategies")]
    [InlineData("/descriptors/incident-strategies")]
    [InlineData("/descriptors/commit-strategies/workflows")]
    [InlineData("/descriptors/commit-strategies/activities")]
    [InlineData("/descriptors/storage-drivers")]
    [InlineData("/descriptors/variables")]
    [InlineData("/descriptors/output-converters?sourceType=Object&destinationType=String")]
    [InlineData("/workflow-definitions?versionOptions=Latest&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending")]
    [InlineData("/workflow-definitions?versionOptions=LatestOrPublished")]
    public async Task Startup_lists_answer_camelCase_items_never_null(string path)
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var body = await reader.GetJsonAsync(path);

        Assert.IsType<JsonArray>(body["items"]);
        ElsaApiClient.AssertCamelCase(body);
        ElsaApiClient.AssertNoNulls(body);
    }

    [Fact]
    public async Task No_optional_feature_is_advertised()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var features = await reader.GetJsonAsync("/features/installed");

        Assert.Empty(features["items"]!.AsArray());
        Assert.Equal(0, features["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Activity_descriptors_carry_version_category_and_browsable_inputs()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var body = await reader.GetJsonAsync("/descriptors/activities?Refresh=True");

        var items = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(items.Count, body["count"]!.GetValue<int>());
        Assert.All(items, d =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Number, d["version"]!.GetValueKind());
            Assert.False(string.IsNullOrEmpty(d["category"]?.GetValue<string>()));
            Assert.IsType<JsonArray>(d["inputs"]);
            Assert.IsType<JsonArray>(d["outputs"]);
            Assert.IsType<JsonArray>(d["ports"]);
            Assert.All(d["inputs"]!.AsArray(), input => Assert.NotNull(input!["isBrowsable"]));
        });
        var flowchart = items.Single(d => d["typeName"]!.GetValue<string>() == "Elsa.Flowchart");
        Assert.False(flowchart["isBrowsable"]!.GetValue<bool>());
        var runTask = items.Single(d => d["typeName"]!.GetValue<string>() == "Elsa.RunTask");
        Assert.Contains(runTask["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "TaskName" && i["uiHint"] is not null);
    }

    [Fact]
    public async Task Expression_descriptors_list_JavaScript_for_code_editors_with_string_properties()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var items = (await reader.GetJsonAsync("/descriptors/expression-descriptors"))["items"]!.AsArray();

        var byType = items.ToDictionary(i => i!["type"]!.GetValue<string>(), i => i!.AsObject());
        Assert.False(byType["Literal"]["isBrowsable"]!.GetValue<bool>());
        Assert.False(byType["Object"]["isBrowsable"]!.GetValue<bool>());
        Assert.True(byType["Variable"]["isBrowsable"]!.GetValue<bool>());
        Assert.True(byType["Input"]["isBrowsable"]!.GetValue<bool>());
        Assert.Equal("javascript", byType["JavaScript"]["properties"]!["MonacoLanguage"]!.GetValue<string>());
        // Studio's code editors take the first entry that is not one of these four: it must exist.
        Assert.Contains(byType.Keys, t => t is not ("Literal" or "Object" or "Variable" or "Input"));
        Assert.All(items, i => Assert.All(i!["properties"]!.AsObject(), p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value!.GetValueKind())));
    }

    [Fact]
    public async Task Incident_strategies_are_the_engines_two()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var items = (await reader.GetJsonAsync("/descriptors/incident-strategies"))["items"]!.AsArray();

        Assert.Equal(
            [WorkflowHost.Workflows.Runtime.IncidentStrategies.Fault, WorkflowHost.Workflows.Runtime.IncidentStrategies.ContinueWithIncidents],
            items.Select(i => i!["typeName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Package_version_and_javascript_type_definitions()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        Assert.Equal("3.8.2", (await designer.GetJsonAsync("/package/version"))["packageVersion"]!.GetValue<string>());

        var model = ElsaApiClient.RunTaskModel("Kiểu JavaScript");
        model["variables"] = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "SoPhieu", ["typeName"] = "Int32", ["isArray"] = false });
        var saved = await designer.SaveAsync(model);
        var response = await designer.PostAsync($"/scripting/javascript/type-definitions/{saved["definitionId"]}",
            new JsonObject { ["workflowDefinitionId"] = saved["definitionId"]!.GetValue<string>(), ["activityTypeName"] = "Elsa.WriteLine", ["propertyName"] = "Text" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("declare function getVariable(name: string): any;", text);
        Assert.Contains("declare function getSoPhieu(): any;", text);
    }
}
