using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Bad input is a 400 whose <c>errors</c> name the field (Studio shows them), never a 500 (Studio retries 5xx for 14 s).</summary>
public sealed class BadInputTests(HostFixture host) : IClassFixture<HostFixture>
{
    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "/workflow-definitions", "{not json", "body" },
        { "/workflow-definitions", "{}", "model" },
        { "/workflow-definitions", """{"model":{"name":"x"},"publish":"yes"}""", "publish" },
        { "/workflow-definitions/import", "[1,2]", "body" },
        { "/workflow-instances", """{"statuses":["Nope"]}""", "statuses[0]" },
        { "/workflow-instances", """{"pageSize":0}""", "pageSize" },
        { "/workflow-instances/x/journal", """{"filter":{"eventNames":"Started"}}""", "filter.eventNames" },
        { "/activity-executions/report", "{}", "workflowInstanceId" },
        { "/bulk-actions/publish/workflow-definitions/by-definition-ids", """{"definitionIds":5}""", "definitionIds" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_are_400_naming_the_field(string path, string body, string field)
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");

        var problem = await ElsaApiClient.ReadAsync(await designer.PostRawAsync(path, body), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/workflow-definitions?Page=abc", "Page")]
    [InlineData("/workflow-definitions?PageSize=0", "PageSize")]
    [InlineData("/workflow-definitions?OrderBy=Colour", "OrderBy")]
    [InlineData("/workflow-definitions?versionOptions=Sometimes", "versionOptions")]
    [InlineData("/workflow-definitions?IsSystem=maybe", "IsSystem")]
    [InlineData("/workflow-definitions/validation/is-name-unique?name=", "name")]
    [InlineData("/activity-executions/list", "WorkflowInstanceId")]
    public async Task Bad_queries_are_400_naming_the_parameter(string path, string field)
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var problem = await reader.GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/workflow-instances/khong-co")]
    [InlineData("/workflow-instances/khong-co/execution-state")]
    [InlineData("/workflow-instances/khong-co/variables")]
    [InlineData("/workflow-definitions/khong-co/export")]
    [InlineData("/descriptors/activities/Acme.Nothing")]
    public async Task Unknown_things_are_404_problem_details(string path)
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var problem = await reader.GetJsonAsync(path, HttpStatusCode.NotFound);

        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_model_that_cannot_be_read_is_a_400_not_a_500()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");

        var response = await designer.PostAsync("/workflow-definitions", new JsonObject
        {
            ["model"] = new JsonObject { ["name"] = "Hỏng", ["root"] = new JsonObject { ["type"] = 42, ["id"] = new JsonArray(), ["version"] = "x" } },
            ["publish"] = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
