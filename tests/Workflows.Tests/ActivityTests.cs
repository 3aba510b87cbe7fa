using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>Single-activity semantics not covered by the flow, timer and composition tests.</summary>
public class ActivityTests
{
    [Fact]
    public async Task Timer_as_a_step_waits_one_interval()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("t", "Elsa.Timer", ("interval", Lit("00:10:00"))), WriteLine("w", "tick")], ("t", "Done", "w"))));

        Assert.Equal(TestEngine.Epoch.AddMinutes(10), Assert.Single(await engine.Store.ListAsync(run.InstanceId)).DueAt);
        Assert.Equal("Elsa.Timer", Assert.Single(run.Bookmarks).Name);
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["tick"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task SetVariable_assigns_and_an_output_bound_to_a_variable_sets_it()
    {
        await using var engine = new TestEngine();
        var variables = new JsonArray(Variable("v-name", "Name", "String", "before"), Variable("v-task", "TaskId", "String", null));
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("set", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v-name", ["name"] = "Name" }), ("value", Lit("after"))),
                Activity("task", "Elsa.RunTask", ("taskName", Var("Name")),
                    ("taskId", new JsonObject { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = "v-task" } })),
            ],
            ("set", "Done", "task")), variables));

        var instance = await engine.InstanceAsync(run.InstanceId);
        var request = engine.Notifications.Of<RunTaskRequested>().Single();
        Assert.Equal("after", instance.Variables["v-name"]!.GetValue<string>());
        Assert.Equal("after", request.TaskName);
        Assert.Equal(request.TaskId, instance.Variables["v-task"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fault_activity_faults_with_its_message_and_the_workflow_notifies_finish()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("f", "Elsa.Fault", ("message", Lit("Hết hạn")), ("code", Lit("E1")))])));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Equal("Hết hạn", Assert.Single(run.Incidents).Message);
        Assert.Equal(WorkflowSubStatus.Faulted, Assert.Single(engine.Notifications.Of<WorkflowFinished>()).SubStatus);
    }

    [Fact]
    public async Task Missing_inputs_use_the_descriptor_default()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("d", "Elsa.Delay")])));
        Assert.Equal(TestEngine.Epoch.AddMinutes(1), Assert.Single(await engine.Store.ListAsync(run.InstanceId)).DueAt);
        var record = Assert.Single(await engine.Store.ListActivityRecordsAsync(run.InstanceId, "Workflow1:flow1:d"));
        Assert.Equal("00:01:00", record.ActivityState["TimeSpan"]!.GetValue<string>());
    }
}
