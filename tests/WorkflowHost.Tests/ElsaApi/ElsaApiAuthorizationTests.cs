using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Readers see Studio read-only (no write links) and the server refuses their writes; anonymous calls get 401.</summary>
public sealed class ElsaApiAuthorizationTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/elsa/api/features/installed")]
    [InlineData("/elsa/api/workflow-definitions")]
    [InlineData("/elsa/api/descriptors/activities")]
    public async Task Anonymous_calls_get_401_problem_details(string path)
    {
        var response = await host.Factory.CreateNonRedirectingClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_user_without_a_role_gets_403()
    {
        var nobody = await host.Factory.ClientWithApiKeyOfAsync("khongquyen");

        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync("/elsa/api/workflow-definitions")).StatusCode);
    }

    [Fact]
    public async Task Designers_get_write_links_and_auditors_do_not()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var saved = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Liên kết"));
        var definitionId = saved["definitionId"]!.GetValue<string>();
        Assert.Contains("publish", ElsaApiClient.Rels(saved["links"]));

        var designerList = await designer.GetJsonAsync("/workflow-definitions?versionOptions=Latest");
        Assert.Contains("bulk-publish", ElsaApiClient.Rels(designerList["links"]));
        Assert.All(designerList["items"]!.AsArray(), item => Assert.Contains("publish", ElsaApiClient.Rels(item!["links"])));

        foreach (var reader in new[] { "kiemtoan", "bithu.tu" })
        {
            var client = await host.Factory.ClientWithApiKeyOfAsync(reader);
            var list = await client.GetJsonAsync("/workflow-definitions?versionOptions=Latest");
            Assert.DoesNotContain("bulk-publish", ElsaApiClient.Rels(list["links"]));
            Assert.All(list["items"]!.AsArray(), item => Assert.DoesNotContain("publish", ElsaApiClient.Rels(item!["links"])));
            var single = await client.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
            Assert.DoesNotContain("publish", ElsaApiClient.Rels(single["links"]));
            Assert.IsType<JsonArray>(single["links"]);
        }
    }

    [Fact]
    public async Task Auditors_cannot_write_anything()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var saved = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Chỉ đọc"));
        var definitionId = saved["definitionId"]!.GetValue<string>();
        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var writes = new List<HttpResponseMessage>
        {
            await auditor.PostAsync("/workflow-definitions", new JsonObject { ["model"] = ElsaApiClient.RunTaskModel("Không được") }),
            await auditor.PostAsync($"/workflow-definitions/{definitionId}/publish", new JsonObject()),
            await auditor.PostAsync($"/workflow-definitions/{definitionId}/retract", new JsonObject()),
            await auditor.PostAsync($"/workflow-definitions/{definitionId}/execute", new JsonObject { ["versionOptions"] = "Latest" }),
            await auditor.PostAsync("/workflow-definitions/import", ElsaApiClient.RunTaskModel("Nhập")),
            await auditor.PostAsync("/bulk-actions/publish/workflow-definitions/by-definition-ids", new JsonObject { ["definitionIds"] = new JsonArray(definitionId) }),
            await auditor.PostAsync("/bulk-actions/cancel/workflow-instances", new JsonObject { ["definitionId"] = definitionId }),
            await auditor.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}"),
        };

        Assert.All(writes, response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
        var stillThere = await auditor.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}");
        Assert.False(stillThere["isPublished"]!.GetValue<bool>());
    }
}
