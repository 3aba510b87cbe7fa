using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class CompositionTests
{
    private static JsonObject ParallelForEach(string items, JsonObject body) =>
        Activity("each", "Elsa.ParallelForEach", ("items", Js(items)), ("body", body));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public async Task ParallelForEach_runs_one_body_per_item_with_current_value_and_index(int count)
    {
        await using var engine = new TestEngine();
        var body = Activity("say", "Elsa.WriteLine", ("text", Js("getVariable('CurrentIndex') + ':' + getVariable('CurrentValue')")));
        var run = await engine.RunAsync(Definition(Flowchart(
            [ParallelForEach($"(function(){{ var a = []; for (var i = 0; i < {count}; i++) a.push('item' + i); return a; }})()", body), WriteLine("done", "done")],
            ("each", "Done", "done"))));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        var lines = await engine.WrittenLinesAsync(run.InstanceId);
        Assert.Equal("done", lines[^1]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{i}:item{i}").Order(), lines.Take(count).Order());
        Assert.Equal(count + 1, lines.Count);
        Assert.Empty((await engine.InstanceAsync(run.InstanceId)).ActivityContexts);
    }

    [Fact]
    public async Task ParallelForEach_bodies_that_block_interleave_and_the_loop_completes_after_the_last()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [ParallelForEach("[1,2,3]", Activity("task", "Elsa.RunTask", ("taskName", Js("'Item ' + getVariable('CurrentValue')")))), WriteLine("done", "done")],
            ("each", "Done", "done"))));
        var tasks = engine.Notifications.Of<RunTaskRequested>();
        Assert.Equal(["Item 1", "Item 2", "Item 3"], tasks.Select(t => t.TaskName).Order());

        await engine.Runtime.CompleteTaskAsync(tasks[0].TaskId, null);
        await engine.Runtime.CompleteTaskAsync(tasks[1].TaskId, null);
        Assert.Empty(await engine.WrittenLinesAsync(run.InstanceId));
        var last = await engine.Runtime.CompleteTaskAsync(tasks[2].TaskId, null);

        Assert.Equal(WorkflowSubStatus.Finished, last.Run!.SubStatus);
        Assert.Equal(["done"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task ForEach_runs_the_body_sequentially()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("each", "Elsa.ForEach", ("items", Obj("[\"a\",\"b\",\"c\"]")), ("body", Activity("say", "Elsa.WriteLine", ("text", Var("CurrentValue")))))])));

        Assert.Equal(["a", "b", "c"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Theory]
    [InlineData("WaitAll", 2)]
    [InlineData("WaitAny", 1)]
    public async Task Fork_waits_for_all_or_any_branch(string joinMode, int tasksToComplete)
    {
        await using var engine = new TestEngine();
        var fork = Activity("fork", "Elsa.Fork", ("joinMode", Lit(joinMode)), ("branches", new JsonArray(
            Activity("t1", "Elsa.RunTask", ("taskName", Lit("one"))), Activity("t2", "Elsa.RunTask", ("taskName", Lit("two"))))));
        var run = await engine.RunAsync(Definition(Flowchart([fork, WriteLine("after", "after")], ("fork", "Done", "after"))));
        var tasks = engine.Notifications.Of<RunTaskRequested>().OrderBy(t => t.TaskName).ToList();

        await engine.Runtime.CompleteTaskAsync(tasks[0].TaskId, null);
        if (tasksToComplete == 2) await engine.Runtime.CompleteTaskAsync(tasks[1].TaskId, null);

        Assert.Equal(["after"], await engine.WrittenLinesAsync(run.InstanceId));
        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
    }

    private static JsonObject ChildWaitingOnTask(string definitionId) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = "Child",
        ["root"] = Flowchart(
            [Activity("task", "Elsa.RunTask", ("taskName", Js("'Review ' + getInput('Report')"))),
             Activity("out", "Elsa.SetOutput", ("outputName", Lit("Verdict")), ("outputValue", Js("getOutputFrom('task', 'Result')")))],
            ("task", "Done", "out")),
    };

    [Fact]
    public async Task ExecuteWorkflow_waits_for_a_child_that_waits_on_a_RunTask()
    {
        await using var engine = new TestEngine();
        await engine.PublishAsync(ChildWaitingOnTask("child-def"));
        var parent = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Lit("child-def")), ("input", Obj("{\"Report\":\"Q3\"}")), ("waitForCompletion", Lit(true))),
                Activity("after", "Elsa.WriteLine", ("text", Js("'parent saw ' + JSON.stringify(getOutputFrom('exec', 'Result'))"))),
            ],
            ("exec", "Done", "after"))));

        Assert.Equal(WorkflowSubStatus.Suspended, parent.SubStatus);
        var task = Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal("Review Q3", task.TaskName);
        var child = Assert.Single((await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { ParentWorkflowInstanceId = parent.InstanceId })).Items);
        Assert.Equal(task.WorkflowInstanceId, child.Id);

        await engine.Runtime.CompleteTaskAsync(task.TaskId, JsonValue.Create("ok"));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(parent.InstanceId)).SubStatus);
        await engine.Driver.RunUntilIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(parent.InstanceId)).SubStatus);
        Assert.Equal(["parent saw {\"Verdict\":\"ok\"}"], await engine.WrittenLinesAsync(parent.InstanceId));
        var childRoot = (await engine.Store.ListActivityRecordsAsync(child.Id, "Workflow1:flow1")).Single();
        var execRecord = (await engine.Store.ListActivityRecordsAsync(parent.InstanceId)).Single(r => r.ActivityId == "exec");
        Assert.Equal(parent.InstanceId, childRoot.SchedulingWorkflowInstanceId);
        Assert.Equal(execRecord.Id, childRoot.SchedulingActivityExecutionId);
        Assert.Equal(execRecord.CallStackDepth + 1, childRoot.CallStackDepth);
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Fact]
    public async Task ExecuteWorkflow_of_a_child_that_finishes_at_once_completes_with_its_result()
    {
        await using var engine = new TestEngine();
        await engine.PublishAsync(new JsonObject { ["definitionId"] = "quick", ["root"] = Flowchart([WriteLine("w", "child")]) });
        var parent = await engine.RunAsync(Definition(Flowchart([Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Lit("quick")), ("waitForCompletion", Lit(true)))])));

        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        var result = (await engine.Store.ListActivityRecordsAsync(parent.InstanceId)).Single(r => r.ActivityId == "exec").Outputs!["Result"]!;
        Assert.Equal("Finished", result["status"]!.GetValue<string>());
        await engine.Driver.RunUntilIdleAsync();
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Fact]
    public async Task ExecuteWorkflow_child_commits_with_the_parent_burst_so_a_crash_before_it_leaves_no_child_and_the_redo_starts_one()
    {
        await using var engine = new TestEngine(extraServices: CommitProbe.Register);
        var probe = engine.Services.GetRequiredService<CommitProbe>();
        await engine.PublishAsync(ChildWaitingOnTask("child-def"));
        var parent = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("gate", "Elsa.RunTask", ("taskName", Lit("Gate"))),
                Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Lit("child-def")), ("input", Obj("{\"Report\":\"Q1\"}")), ("waitForCompletion", Lit(true))),
            ],
            ("gate", "Done", "exec"))));
        var gate = Assert.Single(engine.Notifications.Of<RunTaskRequested>()).TaskId;
        async Task<IReadOnlyList<WorkflowInstanceSummary>> Children() =>
            (await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { ParentWorkflowInstanceId = parent.InstanceId })).Items;

        // The host dies while committing the burst that ran ExecuteWorkflow (the child's first burst ran in it).
        probe.BeforeCommit = _ => throw new IOException("host died before the commit");
        await Assert.ThrowsAsync<IOException>(() => engine.Runtime.CompleteTaskAsync(gate, "go"));
        Assert.Empty(await Children());
        Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal(1, probe.CommitsOf(parent.InstanceId));

        // The work is redone (the gate task is still pending): exactly one child, started with the parent's commit.
        probe.BeforeCommit = null;
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(gate, "go")).Outcome);
        var child = Assert.Single(await Children());
        Assert.Equal(WorkflowSubStatus.Suspended, child.SubStatus);
        Assert.Equal(2, probe.CommitsOf(parent.InstanceId));
        Assert.Equal(1, probe.CommitsOf(child.Id));
        var childTask = engine.Notifications.Of<RunTaskRequested>().Single(t => t.WorkflowInstanceId == child.Id);
        Assert.Equal("Review Q1", childTask.TaskName);

        await engine.Runtime.CompleteTaskAsync(childTask.TaskId, "ok");
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(parent.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task ExecuteWorkflow_of_an_unpublished_child_is_an_incident()
    {
        await using var engine = new TestEngine();
        var parent = await engine.RunAsync(Definition(Flowchart([Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Lit("missing")))])));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (parent.Status, parent.SubStatus));
        Assert.Equal("exec", Assert.Single(parent.Incidents).ActivityId);
    }

    [Fact]
    public async Task DispatchWorkflow_queues_the_child_and_can_wait_for_it()
    {
        await using var engine = new TestEngine();
        await engine.PublishAsync(ChildWaitingOnTask("child-def"));
        var parent = await engine.RunAsync(Definition(Flowchart(
            [Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Lit("child-def")), ("input", Obj("{\"Report\":\"Q4\"}")), ("waitForCompletion", Lit(true))), WriteLine("after", "after")],
            ("dispatch", "Done", "after"))));
        Assert.Empty(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal(ScheduledWorkKind.Dispatch, Assert.Single(await engine.Store.ListAsync()).Kind);

        await engine.Driver.RunUntilIdleAsync();
        var task = Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal("Review Q4", task.TaskName);
        await engine.Runtime.CompleteTaskAsync(task.TaskId, null);
        await engine.Driver.RunUntilIdleAsync();

        Assert.Equal(["after"], await engine.WrittenLinesAsync(parent.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(parent.InstanceId)).SubStatus);
    }
}
