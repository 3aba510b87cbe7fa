using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Workflows;

/// <summary>ExecuteWorkflow's joined commit and Event triggers on the EF stores (SQLite file).</summary>
public sealed class EngineFeatureTests : IDisposable
{
    private readonly SqliteDatabaseFile _database = new();

    public void Dispose() => _database.Dispose();

    private static JsonObject Literal(JsonNode value) => new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static string Definition(string definitionId, JsonArray activities, params (string From, string Port, string To)[] connections) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = "Thử " + definitionId,
        ["root"] = new JsonObject
        {
            ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["activities"] = activities,
            ["connections"] = new JsonArray(connections.Select(c => (JsonNode)new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.From, ["port"] = c.Port },
                ["target"] = new JsonObject { ["activity"] = c.To, ["port"] = "In" },
            }).ToArray()),
        },
    }.ToJsonString();

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in inputs) activity[name] = Literal(value);
        return activity;
    }

    private static Task<Page<WorkflowInstanceSummary>> Children(EngineHost host, string parentId) =>
        host.Store<IWorkflowQueryStore, Page<WorkflowInstanceSummary>>(s => s.QueryInstancesAsync(new WorkflowInstanceQuery { ParentWorkflowInstanceId = parentId }));

    [Fact]
    public async Task An_ExecuteWorkflow_child_is_written_in_the_parent_burst_transaction()
    {
        await using var host = await _database.StartHostAsync();
        await host.PublishAsync(TestWorkflows.WaitOnTask("child-flow"));
        await host.PublishAsync(Definition("parent-flow", new JsonArray(
                Activity("gate", "Elsa.RunTask", ("taskName", "Cổng")),
                Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", "child-flow"), ("waitForCompletion", true))),
            ("gate", "Done", "exec")));
        var parent = await host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = "parent-flow" });
        var gate = host.Published<RunTaskRequested>().Single().TaskId;

        // The child's task notification handler fails inside the commit: the parent's burst and the child go together.
        host.FailOn = typeof(RunTaskRequested);
        await Assert.ThrowsAnyAsync<Exception>(() => host.Runtime.CompleteTaskAsync(gate, "go"));
        Assert.Equal(0, (await Children(host, parent.InstanceId)).TotalCount);

        host.FailOn = null;
        Assert.Equal(ResumeOutcome.Resumed, (await host.Runtime.CompleteTaskAsync(gate, "go")).Outcome);
        var child = Assert.Single((await Children(host, parent.InstanceId)).Items);
        var childTask = host.Published<RunTaskRequested>().Single(t => t.WorkflowInstanceId == child.Id);

        await host.Runtime.CompleteTaskAsync(childTask.TaskId, "ok");
        await host.Driver.RunUntilIdleAsync();
        var finished = await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync(parent.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, finished!.SubStatus);
    }

    [Fact]
    public async Task A_published_event_starts_the_workflow_whose_Event_is_a_trigger()
    {
        await using var host = await _database.StartHostAsync();
        var trigger = Activity("ev", "Elsa.Event", ("eventName", "KeHoachBanHanh"));
        trigger["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        var version = await host.PublishAsync(Definition("on-event", new JsonArray(trigger, Activity("w", "Elsa.WriteLine", ("text", "đã bắt đầu"))), ("ev", "Done", "w")));

        var results = await host.Runtime.PublishEventAsync("KeHoachBanHanh", "KH-12", new JsonObject { ["so"] = 12 });

        var started = Assert.Single(results);
        Assert.Equal(ResumeOutcome.Started, started.Outcome);
        var instance = await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync(started.Run!.InstanceId));
        Assert.Equal((version.Id, "KH-12", WorkflowSubStatus.Finished), (instance!.DefinitionVersionId, instance.CorrelationId, instance.SubStatus));
        Assert.Empty(await host.Runtime.PublishEventAsync("SuKienKhac"));
    }
}
