using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>Running workflows through /elsa/api: execute headers, RunTask + tasks/complete, journal, activity records, instances.</summary>
public sealed class WorkflowRunApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<(HttpClient Designer, string DefinitionId, string InstanceId)> StartRunTaskAsync(string name)
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel(name));
        var definitionId = draft["definitionId"]!.GetValue<string>();
        // Studio's Run body: drafts must be executable with versionOptions Latest.
        var response = await designer.PostRawAsync($"/workflow-definitions/{definitionId}/execute",
            """{"correlationId":null,"triggerActivityId":null,"versionOptions":"Latest","input":null}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("False", response.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
        Assert.Equal("true", response.Headers.GetValues("x-elsa-response").Single());
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(instanceId, body["workflowState"]!["id"]!.GetValue<string>());
        return (designer, definitionId, instanceId);
    }

    [Fact]
    public async Task RunTask_suspends_with_a_bookmark_completing_the_task_resumes_it_and_a_second_completion_is_404()
    {
        var (designer, _, instanceId) = await StartRunTaskAsync("Chạy nhiệm vụ");

        var instance = await designer.GetJsonAsync($"/workflow-instances/{instanceId}");
        Assert.Equal("Running", instance["status"]!.GetValue<string>());
        Assert.Equal("Suspended", instance["subStatus"]!.GetValue<string>());
        var state = instance["workflowState"]!;
        ElsaApiClient.AssertNoNulls(instance);
        Assert.IsType<JsonArray>(state["incidents"]);
        Assert.IsType<JsonArray>(state["activityExecutionContexts"]);
        var bookmark = state["bookmarks"]!.AsArray().Single()!;
        Assert.Equal("Elsa.RunTask", bookmark["name"]!.GetValue<string>());
        var taskId = bookmark["payload"]!["taskId"]!.GetValue<string>();
        Assert.Equal("Duyệt báo cáo", bookmark["payload"]!["taskName"]!.GetValue<string>());

        var designerTry = await designer.PostAsync($"/tasks/{taskId}/complete", new JsonObject { ["result"] = "designer" });
        Assert.Equal(HttpStatusCode.Forbidden, designerTry.StatusCode);

        var approver = await host.Factory.ClientWithApiKeyOfAsync("bithu.tu");
        var completed = await approver.PostAsync($"/tasks/{taskId}/complete", new JsonObject { ["result"] = new JsonObject { ["approved"] = true } });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var finished = await designer.GetJsonAsync($"/workflow-instances/{instanceId}/execution-state");
        Assert.Equal("Finished", finished["status"]!.GetValue<string>());
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());

        var second = await approver.PostAsync($"/tasks/{taskId}/complete", new JsonObject { ["result"] = "again" });
        var problem = await ElsaApiClient.ReadAsync(second, HttpStatusCode.NotFound);
        Assert.Contains(taskId, problem.ToJsonString());
        await ElsaApiClient.ReadAsync(await approver.PostAsync("/tasks/khong-co/complete", new JsonObject()), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Journal_and_activity_records_after_a_run()
    {
        var (designer, _, instanceId) = await StartRunTaskAsync("Nhật ký");
        var definition = await designer.GetJsonAsync($"/workflow-definitions/by-id/{(await designer.GetJsonAsync($"/workflow-instances/{instanceId}"))["definitionVersionId"]}");
        var flowchartNodeId = definition["root"]!["nodeId"]!.GetValue<string>();
        var childNodeIds = definition["root"]!["activities"]!.AsArray().Select(a => a!["nodeId"]!.GetValue<string>()).ToList();

        var journal = await designer.PostJsonAsync($"/workflow-instances/{instanceId}/journal?skip=0&take=50", new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["activityIds"] = null, ["activityNodeIds"] = new JsonArray([.. childNodeIds.Select(n => (JsonNode)n)]),
                ["excludedActivityTypes"] = new JsonArray("Elsa.Workflow", "Elsa.Flowchart"), ["eventNames"] = null,
            },
        });
        var entries = journal["items"]!.AsArray();
        Assert.Contains(entries, e => e!["activityType"]!.GetValue<string>() == "Elsa.Start" && e["eventName"]!.GetValue<string>() == "Completed");
        Assert.Contains(entries, e => e!["activityType"]!.GetValue<string>() == "Elsa.RunTask" && e["eventName"]!.GetValue<string>() == "Suspended");
        Assert.DoesNotContain(entries, e => e!["activityType"]!.GetValue<string>() == "Elsa.Flowchart");
        var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        ElsaApiClient.AssertCamelCase(journal);

        var firstTwo = await designer.PostJsonAsync($"/workflow-instances/{instanceId}/journal?skip=0&take=2", new JsonObject());
        Assert.Equal(2, firstTwo["items"]!.AsArray().Count);
        Assert.True(firstTwo["totalCount"]!.GetValue<int>() > 2);

        var report = await designer.PostJsonAsync("/activity-executions/report", new JsonObject
        {
            ["workflowInstanceId"] = instanceId, ["activityNodeIds"] = new JsonArray([.. childNodeIds.Select(n => (JsonNode)n)]),
        });
        var runTaskStats = report["stats"]!.AsArray().Single(s => s!["activityNodeId"]!.GetValue<string>().EndsWith(":task1"))!;
        Assert.True(runTaskStats["isBlocked"]!.GetValue<bool>());
        Assert.Equal(1, runTaskStats["uncompletedCount"]!.GetValue<int>());

        var taskNodeId = childNodeIds.Single(n => n.EndsWith(":task1"));
        var records = await designer.GetJsonAsync($"/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Uri.EscapeDataString(taskNodeId)}");
        var record = records["items"]!.AsArray().Single()!;
        Assert.True(record["hasBookmarks"]!.GetValue<bool>());
        Assert.Equal("Duyệt báo cáo", record["activityState"]!["TaskName"]!.GetValue<string>());
        var summaries = await designer.GetJsonAsync($"/activity-execution-summaries/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Uri.EscapeDataString(taskNodeId)}");
        Assert.Equal(record["id"]!.GetValue<string>(), summaries["items"]![0]!["id"]!.GetValue<string>());
        var byId = await designer.GetJsonAsync($"/activity-executions/by-id?id={record["id"]}");
        Assert.Equal("Running", byId["status"]!.GetValue<string>());
        var callStack = await designer.GetJsonAsync($"/activity-executions/{record["id"]}/call-stack");
        Assert.Equal(record["id"]!.GetValue<string>(), callStack["items"]!.AsArray().Last()!["id"]!.GetValue<string>());
        await designer.GetJsonAsync("/activity-executions/by-id?id=khong-co", HttpStatusCode.NotFound);
        _ = flowchartNodeId;
    }

    [Fact]
    public async Task Instance_list_filters_variables_cancel_and_delete()
    {
        var (designer, definitionId, instanceId) = await StartRunTaskAsync("Danh sách phiên");

        // The body Studio's instance list posts.
        var list = await designer.PostRawAsync("/workflow-instances", $$"""
            {"page":0,"pageSize":10,"searchTerm":"","definitionId":null,"definitionIds":["{{definitionId}}"],"correlationId":null,"version":null,
             "hasIncidents":null,"isSystem":false,"status":null,"statuses":["Running"],"subStatus":null,"subStatuses":[],
             "orderBy":"LastExecuted","orderDirection":"Descending","timestampFilters":[]}
            """);
        var page = await ElsaApiClient.ReadAsync(list, HttpStatusCode.OK);
        Assert.Equal(instanceId, page["items"]!.AsArray().Single()!["id"]!.GetValue<string>());
        ElsaApiClient.AssertCamelCase(page);
        ElsaApiClient.AssertNoNulls(page);

        var finishedOnly = await designer.PostJsonAsync("/workflow-instances", new JsonObject
        {
            ["definitionIds"] = new JsonArray(definitionId), ["statuses"] = new JsonArray("Finished"),
        });
        Assert.Equal(0, finishedOnly["totalCount"]!.GetValue<int>());

        var variables = await designer.GetJsonAsync($"/workflow-instances/{instanceId}/variables");
        Assert.IsType<JsonArray>(variables["items"]);

        Assert.Equal(HttpStatusCode.OK, (await designer.PostAsync($"/cancel/workflow-instances/{instanceId}", (JsonNode?)null)).StatusCode);
        var cancelled = await designer.GetJsonAsync($"/workflow-instances/{instanceId}");
        Assert.Equal("Cancelled", cancelled["subStatus"]!.GetValue<string>());
        await ElsaApiClient.ReadAsync(await designer.PostAsync($"/cancel/workflow-instances/{instanceId}", (JsonNode?)null), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await designer.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}")).StatusCode);
        await designer.GetJsonAsync($"/workflow-instances/{instanceId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bulk_cancel_by_definition_version_and_bulk_delete()
    {
        var (designer, definitionId, first) = await StartRunTaskAsync("Hủy hàng loạt");
        var second = (await designer.PostAsync($"/workflow-definitions/{definitionId}/execute", new JsonObject { ["versionOptions"] = "Latest" }))
            .Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var versionId = (await designer.GetJsonAsync($"/workflow-instances/{first}"))["definitionVersionId"]!.GetValue<string>();

        var cancelled = await designer.PostJsonAsync("/bulk-actions/cancel/workflow-instances",
            JsonNode.Parse($$"""{"ids":null,"definitionVersionId":"{{versionId}}","definitionId":null,"versionOptions":null}"""));
        Assert.Equal(2, cancelled["cancelled"]!.GetValue<int>());

        var deleted = await designer.PostJsonAsync("/bulk-actions/delete/workflow-instances/by-id", new JsonObject { ["ids"] = new JsonArray(first, second, "khong-co") });
        Assert.Equal(2, deleted["deleted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Executing_a_definition_without_a_published_version_is_404_by_default()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Chưa xuất bản"));

        var response = await designer.PostAsync($"/workflow-definitions/{draft["definitionId"]}/execute", (JsonNode?)null);

        await ElsaApiClient.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.False(response.Headers.Contains("x-elsa-workflow-instance-id"));
    }
}
