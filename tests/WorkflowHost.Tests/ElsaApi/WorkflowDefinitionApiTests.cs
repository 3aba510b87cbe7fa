using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Definitions through /elsa/api: Elsa's save semantics, lookups, list paging/filters, versions, validation.</summary>
public sealed class WorkflowDefinitionApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Create_answers_the_full_definition_with_ids_and_node_ids_assigned()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        // What Studio's "Create workflow" sends: nulls for everything it has not filled in, a root without nodeId.
        var model = JsonNode.Parse("""
            {"definitionId":null,"name":"  Quy trình mới  ","description":null,"toolVersion":"3.8.0.0","variables":null,"inputs":null,
             "outputs":null,"outcomes":null,"customProperties":null,"isReadonly":false,"options":null,
             "root":{"id":"a1b2c3d4e5f60718","type":"Elsa.Flowchart","version":1,"name":"Flowchart1"},
             "links":null,"createdAt":"0001-01-01T00:00:00+00:00","version":1,"isLatest":true,"isPublished":false,"id":null}
            """)!.AsObject();

        var response = await designer.PostJsonAsync("/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = null });

        var definition = response["workflowDefinition"]!.AsObject();
        Assert.False(response["alreadyPublished"]!.GetValue<bool>());
        Assert.Equal(24, definition["id"]!.GetValue<string>().Length);
        Assert.Equal(24, definition["definitionId"]!.GetValue<string>().Length);
        Assert.Equal("Quy trình mới", definition["name"]!.GetValue<string>());
        Assert.Equal(1, definition["version"]!.GetValue<int>());
        Assert.True(definition["isLatest"]!.GetValue<bool>());
        Assert.False(definition["isPublished"]!.GetValue<bool>());
        Assert.Equal("Workflow1:a1b2c3d4e5f60718", definition["root"]!["nodeId"]!.GetValue<string>());
        foreach (var collection in new[] { "variables", "inputs", "outputs", "outcomes" })
            Assert.IsType<JsonArray>(definition[collection]);
        Assert.IsType<JsonObject>(definition["customProperties"]);
        Assert.IsType<JsonObject>(definition["options"]);
        Assert.Contains("publish", ElsaApiClient.Rels(definition["links"]));
        ElsaApiClient.AssertNoNulls(definition);
        Assert.True(DateTimeOffset.Parse(definition["createdAt"]!.GetValue<string>()).Year > 2000);
    }

    [Fact]
    public async Task Saving_a_draft_updates_it_in_place_and_saving_after_publish_makes_a_new_version()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var v1 = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Phiên bản"));
        var definitionId = v1["definitionId"]!.GetValue<string>();

        var v1Again = await designer.SaveAsync(WithDescription(v1, "sửa nháp"));
        Assert.Equal(v1["id"]!.GetValue<string>(), v1Again["id"]!.GetValue<string>());
        Assert.Equal(1, v1Again["version"]!.GetValue<int>());
        Assert.Equal("sửa nháp", v1Again["description"]!.GetValue<string>());

        var published = await designer.SaveAsync(v1Again, publish: true);
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.Equal(1, published["version"]!.GetValue<int>());

        var v2 = await designer.SaveAsync(WithDescription(published, "bản 2"));
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.NotEqual(v1["id"]!.GetValue<string>(), v2["id"]!.GetValue<string>());
        Assert.False(v2["isPublished"]!.GetValue<bool>());

        var stillPublished = await designer.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        Assert.Equal(1, stillPublished["version"]!.GetValue<int>());
        Assert.False(stillPublished["isLatest"]!.GetValue<bool>());

        var history = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=AllVersions&Page=0&PageSize=10&DefinitionIds={definitionId}&OrderBy=Version&OrderDirection=Descending");
        Assert.Equal([2, 1], history["items"]!.AsArray().Select(i => i!["version"]!.GetValue<int>()));
        Assert.Equal(2, history["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_with_an_invalid_activity_is_a_400_naming_it_and_nothing_is_published()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var model = ElsaApiClient.RunTaskModel("Không hợp lệ");
        model["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "ghost1", ["type"] = "Acme.DoesNotExist", ["version"] = 1 });
        var draft = await designer.SaveAsync(model);

        var response = await designer.PostAsync($"/workflow-definitions/{draft["definitionId"]}/publish", new JsonObject());
        var problem = await ElsaApiClient.ReadAsync(response, HttpStatusCode.BadRequest);
        var saveResponse = await designer.PostAsync("/workflow-definitions", new JsonObject { ["model"] = draft.DeepClone(), ["publish"] = true });
        var saveProblem = await ElsaApiClient.ReadAsync(saveResponse, HttpStatusCode.BadRequest);

        foreach (var body in new[] { problem, saveProblem })
        {
            var messages = body["errors"]!["ghost1"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
            Assert.Contains(messages, m => m.Contains("ghost1") && m.Contains("Acme.DoesNotExist"));
        }
        var latest = await designer.GetJsonAsync($"/workflow-definitions/by-definition-id/{draft["definitionId"]}");
        Assert.False(latest["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_pages_searches_and_filters_like_Studio_asks()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var saved = new List<JsonObject>();
        foreach (var n in new[] { "A", "B", "C" })
            saved.Add(await designer.SaveAsync(ElsaApiClient.RunTaskModel($"Danh sách {marker} {n}")));

        var page0 = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=Latest&Page=0&PageSize=2&SearchTerm={marker}&IsSystem=False&OrderDirection=Ascending");
        var page1 = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=Latest&Page=1&PageSize=2&SearchTerm={marker}&IsSystem=False&OrderDirection=Ascending");
        Assert.Equal(3, page0["totalCount"]!.GetValue<int>());
        Assert.Equal([$"Danh sách {marker} A", $"Danh sách {marker} B"], page0["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal([$"Danh sách {marker} C"], page1["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));

        var descending = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=Latest&SearchTerm={marker}&OrderBy=Name&OrderDirection=Descending");
        Assert.Equal($"Danh sách {marker} C", descending["items"]![0]!["name"]!.GetValue<string>());

        var ids = string.Join("&", saved.Take(2).Select(s => $"Ids={s["id"]}"));
        var byIds = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=&{ids}");
        Assert.Equal(2, byIds["totalCount"]!.GetValue<int>());

        var definitionIds = string.Join("&", saved.Select(s => $"DefinitionIds={s["definitionId"]}"));
        var published = await designer.GetJsonAsync($"/workflow-definitions?versionOptions=Published&{definitionIds}");
        Assert.Empty(published["items"]!.AsArray());

        var many = await designer.GetJsonAsync($"/workflow-definitions/many-by-id?ids={saved[0]["id"]}&ids={saved[2]["id"]}&ids=unknown");
        Assert.Equal(2, many["count"]!.GetValue<int>());
        Assert.NotNull(many["items"]![0]!["root"]);
    }

    [Fact]
    public async Task Lookups_and_name_uniqueness()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var saved = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Tên duy nhất"));
        var definitionId = saved["definitionId"]!.GetValue<string>();

        var byAlias = await designer.GetJsonAsync($"/workflow-definitions/{definitionId}");
        var byId = await designer.GetJsonAsync($"/workflow-definitions/by-id/{saved["id"]}");
        Assert.Equal(saved["id"]!.GetValue<string>(), byAlias["id"]!.GetValue<string>());
        Assert.Equal("Tên duy nhất", byId["name"]!.GetValue<string>());

        Assert.False((await designer.GetJsonAsync("/workflow-definitions/validation/is-name-unique?name=T%C3%AAn%20duy%20nh%E1%BA%A5t"))["isUnique"]!.GetValue<bool>());
        Assert.True((await designer.GetJsonAsync($"/workflow-definitions/validation/is-name-unique?name=T%C3%AAn%20duy%20nh%E1%BA%A5t&definitionId={definitionId}"))["isUnique"]!.GetValue<bool>());
        Assert.True((await designer.GetJsonAsync("/workflow-definitions/validation/is-name-unique?name=Workflow%201"))["isUnique"]!.GetValue<bool>());

        await designer.GetJsonAsync("/workflow-definitions/by-definition-id/khong-co", HttpStatusCode.NotFound);
        await designer.GetJsonAsync("/workflow-definitions/by-id/khong-co", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retract_revert_delete_version_and_delete()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var v1 = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Vòng đời"), publish: true);
        var definitionId = v1["definitionId"]!.GetValue<string>();

        var retracted = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/retract", new JsonObject());
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/retract", new JsonObject(), HttpStatusCode.BadRequest);

        var republished = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/publish", new JsonObject());
        Assert.True(republished["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        var again = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/publish", new JsonObject());
        Assert.True(again["alreadyPublished"]!.GetValue<bool>());

        var reverted = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/revert/1", null);
        Assert.Equal(2, reverted["version"]!.GetValue<int>());
        Assert.True(reverted["isLatest"]!.GetValue<bool>());

        var versions = await designer.GetJsonAsync($"/workflow-definitions/{definitionId}/versions");
        Assert.Equal(2, versions.AsArray().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await designer.DeleteAsync($"/elsa/api/workflow-definition-versions/{reverted["id"]}")).StatusCode);
        var latest = await designer.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}");
        Assert.Equal(1, latest["version"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await designer.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}")).StatusCode);
        await designer.GetJsonAsync($"/workflow-definitions/by-definition-id/{definitionId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bulk_publish_retract_and_delete()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var a = (await designer.SaveAsync(ElsaApiClient.RunTaskModel("Hàng loạt A")))["definitionId"]!.GetValue<string>();
        var b = (await designer.SaveAsync(ElsaApiClient.RunTaskModel("Hàng loạt B"), publish: true))["definitionId"]!.GetValue<string>();

        var publish = await designer.PostJsonAsync("/bulk-actions/publish/workflow-definitions/by-definition-ids",
            new JsonObject { ["definitionIds"] = new JsonArray(a, b, "khong-co") });
        Assert.Equal([a], publish["published"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal([b], publish["alreadyPublished"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(["khong-co"], publish["notFound"]!.AsArray().Select(x => x!.GetValue<string>()));

        var retract = await designer.PostJsonAsync("/bulk-actions/retract/workflow-definitions/by-definition-ids",
            new JsonObject { ["definitionIds"] = new JsonArray(a) });
        Assert.Equal([a], retract["retracted"]!.AsArray().Select(x => x!.GetValue<string>()));

        var deleted = await designer.PostJsonAsync("/bulk-actions/delete/workflow-definitions/by-definition-id",
            new JsonObject { ["definitionIds"] = new JsonArray(a, b) });
        Assert.Equal(2, deleted["deleted"]!.GetValue<int>());
    }

    private static JsonObject WithDescription(JsonObject definition, string description)
    {
        var copy = (JsonObject)definition.DeepClone();
        copy["description"] = description;
        return copy;
    }
}
