using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary><c>POST /workflow-definitions/{id}/dispatch</c>: the start is queued, the scheduler runs it, the id is answered at once.</summary>
public sealed class DispatchApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Dispatching_the_published_version_queues_an_instance_the_scheduler_starts()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var published = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Gửi đi chạy"), publish: true);
        var definitionId = published["definitionId"]!.GetValue<string>();

        Assert.Contains("dispatch", ElsaApiClient.Rels(published["links"]));
        var answer = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/dispatch",
            new JsonObject { ["correlationId"] = "ke-hoach-02", ["input"] = new JsonObject { ["unitCode"] = "T01" } });

        var instanceId = answer["workflowInstanceId"]!.GetValue<string>();
        var instance = await EventuallyAsync(designer, instanceId);
        Assert.Equal(published["id"]!.GetValue<string>(), instance["definitionVersionId"]!.GetValue<string>());
        Assert.Equal("ke-hoach-02", instance["correlationId"]!.GetValue<string>());
        Assert.Equal("T01", instance["workflowState"]!["input"]!["unitCode"]!.GetValue<string>());
        Assert.Equal("Suspended", instance["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_is_dispatched_only_when_asked_for_by_version_options_and_a_given_instance_id_is_kept()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Bản nháp gửi đi"));
        var definitionId = draft["definitionId"]!.GetValue<string>();

        var published = await ElsaApiClient.ReadAsync(await designer.PostAsync($"/workflow-definitions/{definitionId}/dispatch", new JsonObject()), HttpStatusCode.NotFound);
        Assert.Contains(definitionId, published["detail"]!.GetValue<string>());

        var answer = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/dispatch",
            new JsonObject { ["versionOptions"] = "Latest", ["instanceId"] = "phien-chay-chon-truoc" });
        Assert.Equal("phien-chay-chon-truoc", answer["workflowInstanceId"]!.GetValue<string>());
        Assert.Equal(draft["id"]!.GetValue<string>(), (await EventuallyAsync(designer, "phien-chay-chon-truoc"))["definitionVersionId"]!.GetValue<string>());

        var again = await ElsaApiClient.ReadAsync(await designer.PostAsync($"/workflow-definitions/{definitionId}/dispatch",
            new JsonObject { ["versionOptions"] = "Latest", ["instanceId"] = "phien-chay-chon-truoc" }), HttpStatusCode.BadRequest);
        Assert.NotNull(again["errors"]!["instanceId"]);
    }

    [Theory]
    [InlineData("""{"versionOptions":"Sometimes"}""", "versionOptions")]
    [InlineData("""{"input":[1,2]}""", "input")]
    [InlineData("""{"instanceId":""}""", "instanceId")]
    [InlineData("{not json", "body")]
    public async Task Bad_bodies_are_400_naming_the_field(string body, string field)
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var definitionId = (await designer.SaveAsync(ElsaApiClient.RunTaskModel($"Sai {field}"), publish: true))["definitionId"]!.GetValue<string>();

        var problem = await ElsaApiClient.ReadAsync(await designer.PostRawAsync($"/workflow-definitions/{definitionId}/dispatch", body), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Unknown_definitions_are_404_and_readers_get_403()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        await ElsaApiClient.ReadAsync(await designer.PostAsync("/workflow-definitions/khong-co/dispatch", new JsonObject()), HttpStatusCode.NotFound);
        var definitionId = (await designer.SaveAsync(ElsaApiClient.RunTaskModel("Không được gửi"), publish: true))["definitionId"]!.GetValue<string>();

        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        Assert.DoesNotContain("dispatch", ElsaApiClient.Rels((await auditor.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}"))["links"]));
        var response = await auditor.PostAsync($"/workflow-definitions/{definitionId}/dispatch", new JsonObject());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var none = await designer.PostJsonAsync("/workflow-instances", new JsonObject { ["definitionId"] = definitionId });
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
    }

    /// <summary>The dispatched start runs in the scheduler's own burst, after the answer: wait for the instance.</summary>
    private static async Task<JsonNode> EventuallyAsync(HttpClient client, string instanceId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.GetAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}");
            if (response.StatusCode == HttpStatusCode.OK) return await ElsaApiClient.ReadAsync(response, HttpStatusCode.OK);
            await Task.Delay(100);
        }
        throw new TimeoutException($"The dispatched instance {instanceId} never started.");
    }
}
