using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;

namespace WorkflowHost.Workflows.Tests;

/// <summary>Every Elsa sample runs (the trigger samples run in <see cref="TimerTests"/>).</summary>
public class SampleRunTests
{
    [Fact]
    public async Task Fork_sample_runs_all_three_branches()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Samples.Load("fork.json"));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["One", "Three", "Two"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
    }

    [Fact]
    public async Task Fork_decision_join_waitall_sample_faults_at_the_fault_activity_and_never_reaches_the_join()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Samples.Load("fork-decision-join-waitall.json"));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (run.Status, run.SubStatus));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(("cfffbc06a0b6eeb0", "that went south"), (incident.ActivityId, incident.Message));
        var lines = await engine.WrittenLinesAsync(run.InstanceId);
        Assert.Equal(["A", "B", "C", "D"], lines.Order());
        var joinRecords = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Where(r => r.ActivityId == "80847eb320f89c72");
        Assert.Empty(joinRecords);
    }

    [Fact]
    public async Task Parallel_join_sample_runs_the_body_flowchart_for_each_item_through_the_false_branch()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Samples.Load("parallel-join.json"));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        Assert.Equal(3, records.Count(r => r.ActivityId == "343d233a75d8d8e9" && r.Status == ActivityStatus.Completed));
        Assert.DoesNotContain(records, r => r.ActivityId == "e27177eb5965bd6b");
        Assert.All(records.Where(r => r.ActivityId == "33665f061d96b957"), r => Assert.Equal("False", r.Payload!["Outcomes"]![0]!.GetValue<string>()));
        Assert.Equal("Workflow1:d3350290ed96e720:70fc1183cd5800f2:b07170f2d68980cd:343d233a75d8d8e9",
            records.First(r => r.ActivityId == "343d233a75d8d8e9").ActivityNodeId);
    }

    [Fact]
    public async Task Legacy_sample_runs_in_virtual_time_along_the_true_branch()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Samples.Load("legacy-delay-decision.json"));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Equal(TestEngine.Epoch.AddSeconds(5), Assert.Single(await engine.Store.ListAsync(run.InstanceId)).DueAt);
        await engine.Driver.RunUntilIdleAsync();

        var lines = await engine.WrittenLinesAsync(run.InstanceId);
        Assert.Equal(["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine6", "WriteLine7"], lines.Order());
        Assert.Equal("WriteLine1", lines[0]);
        Assert.Equal("WriteLine7", lines[^1]);
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Execute_workflow_child_sample_is_rejected_on_publish_because_its_template_literal_is_not_ES5()
    {
        await using var engine = new TestEngine();
        var result = await engine.Definitions.SaveAsync(Samples.Load("execute-workflow-child.json"), publish: true);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("WriteLine1", error.ActivityId);
        Assert.Contains("JavaScript", error.Message);
        Assert.Null(await engine.Definitions.FindAsync("child-with-input", VersionOptions.Latest));
    }

    [Fact]
    public async Task Execute_workflow_parent_sample_runs_the_child_with_its_javascript_input()
    {
        await using var engine = new TestEngine();
        var child = Samples.Load("execute-workflow-child.json");
        // The only change: the ES6 template literal rewritten as ES5 (Jint 2.10.4 is ES5 only).
        child["root"]!["activities"]![0]!["text"]!["expression"]!["value"] = "'Child received: ' + getMessage()";
        await engine.PublishAsync(child);

        var parent = await engine.RunAsync(Samples.Load("execute-workflow-parent.json"));

        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        var childInstance = Assert.Single((await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { DefinitionIds = ["child-with-input"] })).Items);
        Assert.Equal(["Child received: Hello from parent"], await engine.WrittenLinesAsync(childInstance.Id));
        Assert.Equal("Hello from parent", (await engine.InstanceAsync(childInstance.Id)).Input["Message"]!.GetValue<string>());
    }
}
