using System.Net;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary><c>POST /tests/activities</c>: Studio's Test tab runs one activity alone and nothing of the run is stored.</summary>
public sealed class ActivityTestApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static JsonObject Request(string versionId, string nodeId) => new()
    {
        ["workflowDefinitionHandle"] = new JsonObject { ["definitionId"] = null, ["versionOptions"] = null, ["definitionVersionId"] = versionId },
        ["activityHandle"] = new JsonObject { ["activityId"] = null, ["activityNodeId"] = nodeId, ["activityInstanceId"] = null, ["activityHash"] = null },
    };

    [Fact]
    public async Task A_WriteLine_runs_to_completion_with_its_evaluated_input_and_outcome()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Thử hoạt động"));

        var result = await designer.PostJsonAsync("/tests/activities", Request(draft["id"]!.GetValue<string>(), "Workflow1:flow1:write1"));

        Assert.Equal("Completed", result["status"]!.GetValue<string>());
        Assert.Equal("Xong", result["activityState"]!["Text"]!.GetValue<string>());
        Assert.Equal("Done", result["payload"]!["Outcomes"]![0]!.GetValue<string>());
        Assert.Null(result["exception"]);
    }

    [Fact]
    public async Task A_RunTask_waits_but_leaves_no_instance_and_no_task_behind()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Thử nhiệm vụ"));

        var result = await designer.PostJsonAsync("/tests/activities", Request(draft["id"]!.GetValue<string>(), "Workflow1:flow1:task1"));

        Assert.Equal("Running", result["status"]!.GetValue<string>());
        var taskId = result["outputs"]!["TaskId"]!.GetValue<string>();
        var instances = await designer.PostJsonAsync("/workflow-instances", new JsonObject { ["definitionId"] = draft["definitionId"]!.DeepClone() });
        Assert.Equal(0, instances["totalCount"]!.GetValue<int>());
        var approver = await host.Factory.ClientWithApiKeyOfAsync("bithu.tu");
        await ElsaApiClient.ReadAsync(await approver.PostAsync($"/tasks/{taskId}/complete", new JsonObject { ["result"] = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failing_expression_is_reported_as_a_fault_not_an_error_answer()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var model = ElsaApiClient.RunTaskModel("Thử lỗi");
        model["root"]!["activities"]![2]!["text"] = new JsonObject
        {
            ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "khongCoHam()" },
        };
        var draft = await designer.SaveAsync(model);

        var result = await designer.PostJsonAsync("/tests/activities", Request(draft["id"]!.GetValue<string>(), "Workflow1:flow1:write1"));

        Assert.Equal("Faulted", result["status"]!.GetValue<string>());
        Assert.Contains("khongCoHam", result["exception"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_handles_are_400_unknown_ones_404_and_readers_get_403()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var draft = await designer.SaveAsync(ElsaApiClient.RunTaskModel("Thử sai"));
        var versionId = draft["id"]!.GetValue<string>();

        var noDefinition = await ElsaApiClient.ReadAsync(await designer.PostAsync("/tests/activities", new JsonObject()), HttpStatusCode.BadRequest);
        Assert.NotNull(noDefinition["errors"]!["workflowDefinitionHandle"]);
        var noActivity = await ElsaApiClient.ReadAsync(await designer.PostAsync("/tests/activities",
            new JsonObject { ["workflowDefinitionHandle"] = new JsonObject { ["definitionVersionId"] = versionId } }), HttpStatusCode.BadRequest);
        Assert.NotNull(noActivity["errors"]!["activityHandle"]);
        await ElsaApiClient.ReadAsync(await designer.PostAsync("/tests/activities", Request("khong-co", "Workflow1:flow1:write1")), HttpStatusCode.NotFound);
        await ElsaApiClient.ReadAsync(await designer.PostAsync("/tests/activities", Request(versionId, "Workflow1:flow1:khong-co")), HttpStatusCode.NotFound);

        var byActivityId = await designer.PostJsonAsync("/tests/activities", new JsonObject
        {
            ["workflowDefinitionHandle"] = new JsonObject { ["definitionId"] = draft["definitionId"]!.DeepClone(), ["versionOptions"] = "Latest" },
            ["activityHandle"] = new JsonObject { ["activityId"] = "write1" },
        });
        Assert.Equal("Completed", byActivityId["status"]!.GetValue<string>());

        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/tests/activities", Request(versionId, "Workflow1:flow1:write1"))).StatusCode);
    }
}
