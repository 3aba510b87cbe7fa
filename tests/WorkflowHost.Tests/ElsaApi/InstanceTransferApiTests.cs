using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Instance export (one JSON file, or a zip) and import (multipart files): a suspended instance comes back and still resumes.</summary>
public sealed class InstanceTransferApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<(HttpClient Designer, string InstanceId)> StartAsync(string name)
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var definitionId = (await designer.SaveAsync(ElsaApiClient.RunTaskModel(name)))["definitionId"]!.GetValue<string>();
        var started = await designer.PostJsonAsync($"/workflow-definitions/{definitionId}/execute", new JsonObject { ["versionOptions"] = "Latest" });
        return (designer, started["workflowState"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exported_instance_deleted_and_imported_again_is_whole_and_its_task_still_completes()
    {
        var (designer, instanceId) = await StartAsync("Xuất phiên chạy");
        var journalBefore = (await designer.PostJsonAsync($"/workflow-instances/{instanceId}/journal", new JsonObject()))["items"]!.ToJsonString();

        var response = await designer.GetAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"workflow-instance-{instanceId}.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var file = await response.Content.ReadAsByteArrayAsync();
        var document = JsonNode.Parse(file)!;
        Assert.Equal(instanceId, document["WorkflowState"]!["id"]!.GetValue<string>());
        Assert.Equal("Elsa.RunTask", document["Bookmarks"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.NotEmpty(document["ActivityExecutionRecords"]!.AsArray());
        Assert.NotEmpty(document["WorkflowExecutionLogRecords"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await designer.DeleteAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}")).StatusCode);
        var imported = await ElsaApiClient.ReadAsync(await designer.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances",
            Files(("instance.json", file, "application/json"))), HttpStatusCode.OK);

        Assert.Equal(1, imported["count"]!.GetValue<int>());
        var instance = await designer.GetJsonAsync($"/workflow-instances/{instanceId}");
        Assert.Equal("Suspended", instance["subStatus"]!.GetValue<string>());
        Assert.Equal(journalBefore, (await designer.PostJsonAsync($"/workflow-instances/{instanceId}/journal", new JsonObject()))["items"]!.ToJsonString());
        var taskId = instance["workflowState"]!["bookmarks"]![0]!["payload"]!["taskId"]!.GetValue<string>();
        var approver = await host.Factory.ClientWithApiKeyOfAsync("bithu.tu");
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/tasks/{taskId}/complete", new JsonObject { ["result"] = "đồng ý" })).StatusCode);
        Assert.Equal("Finished", (await designer.GetJsonAsync($"/workflow-instances/{instanceId}/execution-state"))["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_export_zips_the_instances_and_importing_the_zip_restores_them()
    {
        var (designer, first) = await StartAsync("Xuất nhiều 1");
        var (_, second) = await StartAsync("Xuất nhiều 2");
        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        var response = await auditor.PostAsync("/bulk-actions/export/workflow-instances", new JsonObject { ["ids"] = new JsonArray(first, second) });
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var zipBytes = await response.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
            Assert.Equal(new[] { $"workflow-instance-{first}.json", $"workflow-instance-{second}.json" }.Order(), zip.Entries.Select(e => e.FullName).Order());

        var stillThere = await ElsaApiClient.ReadAsync(await designer.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances",
            Files(("instances.zip", zipBytes, "application/zip"))), HttpStatusCode.BadRequest);
        Assert.Contains("already exists", stillThere["errors"]![$"instances.zip/workflow-instance-{first}.json"]![0]!.GetValue<string>());

        await designer.PostJsonAsync("/bulk-actions/delete/workflow-instances/by-id", new JsonObject { ["ids"] = new JsonArray(first, second) });
        var imported = await ElsaApiClient.ReadAsync(await designer.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances",
            Files(("instances.zip", zipBytes, "application/zip"))), HttpStatusCode.OK);
        Assert.Equal(2, imported["count"]!.GetValue<int>());
        foreach (var id in new[] { first, second })
            Assert.Equal("Suspended", (await designer.GetJsonAsync($"/workflow-instances/{id}"))["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_imports_are_400_naming_the_file_and_write_nothing()
    {
        var (designer, instanceId) = await StartAsync("Nhập sai");
        var file = await (await designer.GetAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}/export")).Content.ReadAsByteArrayAsync();
        await designer.DeleteAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}");
        var orphan = JsonNode.Parse(file)!;
        orphan["WorkflowState"]!["id"] = "mo-coi";
        orphan["WorkflowState"]!["definitionVersionId"] = "khong-co";

        var problem = await ElsaApiClient.ReadAsync(await designer.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances", Files(
            ("good.json", file, "application/json"),
            ("orphan.json", Encoding.UTF8.GetBytes(orphan.ToJsonString()), "application/json"),
            ("broken.json", "{not json"u8.ToArray(), "application/json"),
            ("other.json", """{"name":"a definition"}"""u8.ToArray(), "application/json"))), HttpStatusCode.BadRequest);

        Assert.Contains("khong-co", problem["errors"]!["orphan.json"]![0]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["broken.json"]);
        Assert.Contains("WorkflowState", problem["errors"]!["other.json"]![0]!.GetValue<string>());
        Assert.Null(problem["errors"]!["good.json"]);
        await designer.GetJsonAsync($"/workflow-instances/{instanceId}", HttpStatusCode.NotFound);

        var empty = await ElsaApiClient.ReadAsync(await designer.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances", Files()), HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["files"]);
        var notMultipart = await ElsaApiClient.ReadAsync(await designer.PostRawAsync("/bulk-actions/import/workflow-instances", "{}"), HttpStatusCode.BadRequest);
        Assert.NotNull(notMultipart["errors"]!["files"]);
    }

    [Fact]
    public async Task Unknown_instances_are_404_empty_id_lists_400_and_readers_cannot_import()
    {
        var (designer, instanceId) = await StartAsync("Chỉ xem");
        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");

        await auditor.GetJsonAsync("/workflow-instances/khong-co/export", HttpStatusCode.NotFound);
        await ElsaApiClient.ReadAsync(await auditor.PostAsync("/bulk-actions/export/workflow-instances", new JsonObject { ["ids"] = new JsonArray(instanceId, "khong-co") }), HttpStatusCode.NotFound);
        var noIds = await ElsaApiClient.ReadAsync(await auditor.PostAsync("/bulk-actions/export/workflow-instances", new JsonObject { ["ids"] = new JsonArray() }), HttpStatusCode.BadRequest);
        Assert.NotNull(noIds["errors"]!["ids"]);
        var badFlag = await auditor.GetJsonAsync($"/workflow-instances/{instanceId}/export?includeBookmarks=maybe", HttpStatusCode.BadRequest);
        Assert.NotNull(badFlag["errors"]!["includeBookmarks"]);

        var file = await (await auditor.GetAsync($"{ElsaApiClient.Base}/workflow-instances/{instanceId}/export?includeWorkflowExecutionLog=False")).Content.ReadAsByteArrayAsync();
        Assert.Null(JsonNode.Parse(file)!["WorkflowExecutionLogRecords"]);
        var response = await auditor.PostAsync($"{ElsaApiClient.Base}/bulk-actions/import/workflow-instances", Files(("instance.json", file, "application/json")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static MultipartFormDataContent Files(params (string Name, byte[] Content, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, contentType) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "files", name);
        }
        return form;
    }
}
