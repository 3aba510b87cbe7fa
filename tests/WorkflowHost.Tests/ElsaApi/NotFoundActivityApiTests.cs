using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>A definition with an activity type this host does not know opens in Studio with Elsa's placeholder and keeps the original.</summary>
public sealed class NotFoundActivityApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_unknown_activity_is_served_as_Elsa_NotFoundActivity_and_saving_it_back_keeps_the_original()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var model = ElsaApiClient.RunTaskModel("Hoạt động lạ");
        var unknown = new JsonObject { ["id"] = "acme1", ["type"] = "Acme.SendFax", ["version"] = 2, ["name"] = "Gửi fax", ["faxNumber"] = "024-1234" };
        model["root"]!["activities"]!.AsArray().Add(unknown);
        var saved = await designer.SaveAsync(model);
        var definitionId = saved["definitionId"]!.GetValue<string>();

        var served = await designer.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        var placeholder = served["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "acme1")!;
        Assert.Equal("Elsa.NotFoundActivity", placeholder["type"]!.GetValue<string>());
        Assert.Equal("Acme.SendFax", placeholder["missingTypeName"]!.GetValue<string>());
        Assert.Equal("Gửi fax", placeholder["name"]!.GetValue<string>());

        // Studio saves what it was served: the stored definition keeps the real activity, not the placeholder.
        var resaved = await designer.SaveAsync((JsonObject)served);
        var stored = await designer.GetJsonAsync($"/workflow-definitions/{definitionId}/export");
        var original = stored["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "acme1")!;
        Assert.Equal("Acme.SendFax", original["type"]!.GetValue<string>());
        Assert.Equal("024-1234", original["faxNumber"]!.GetValue<string>());
        Assert.Equal("Elsa.NotFoundActivity",
            resaved["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "acme1")!["type"]!.GetValue<string>());
    }
}
