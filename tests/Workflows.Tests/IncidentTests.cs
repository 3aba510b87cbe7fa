using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class IncidentTests
{
    private static JsonObject ForkWithFault(JsonObject? options = null) => Definition(Flowchart(
        [
            Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Bad\",\"Good\"]"))),
            Activity("bad", "Elsa.WriteLine", ("text", Js("getVariable('x').missing.deeper"))), WriteLine("afterBad", "after bad"),
            WriteLine("good", "good"),
        ],
        ("fork", "Bad", "bad"), ("bad", "Done", "afterBad"), ("fork", "Good", "good")), options: options);

    [Fact]
    public async Task Default_strategy_faults_the_workflow_and_records_the_incident()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(ForkWithFault());

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (run.Status, run.SubStatus));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(("bad", "Workflow1:flow1:bad", "Elsa.WriteLine"), (incident.ActivityId, incident.ActivityNodeId, incident.ActivityType));
        Assert.Equal("bad", run.Fault!.FaultedActivityId);
        Assert.Single(engine.Notifications.Of<IncidentRecorded>());
        var faulted = (await engine.Store.QueryJournalAsync(run.InstanceId, new JournalFilter { EventNames = ["Faulted"] }, 0, 10)).Items;
        Assert.Equal("bad", Assert.Single(faulted).ActivityId);
        var summary = Assert.Single((await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { HasIncidents = true })).Items);
        Assert.Equal(1, summary.IncidentCount);
    }

    [Fact]
    public async Task Continue_with_incidents_records_the_incident_and_goes_on()
    {
        await using var engine = new TestEngine();
        var options = new JsonObject { ["incidentStrategyType"] = IncidentStrategies.ContinueWithIncidents };
        var run = await engine.RunAsync(ForkWithFault(options));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (run.Status, run.SubStatus));
        Assert.Single(run.Incidents);
        Assert.Equal(["good"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task Retry_reruns_the_faulted_activity_and_the_workflow_continues()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("bad", "Elsa.WriteLine", ("text", Js("getVariable('x').ok"))), WriteLine("after", "after")], ("bad", "Done", "after")),
            new JsonArray(Variable("x", "x", "Object", null))));
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);

        // The cause is fixed (the variable now has a value), then the faulted activity is retried.
        var instance = await engine.InstanceAsync(run.InstanceId);
        instance.Variables["x"] = new JsonObject { ["ok"] = "fixed" };
        await engine.Store.CommitAsync(new WorkflowCommit { Instance = instance, ExpectedRowVersion = instance.RowVersion });
        var retried = await engine.Runtime.RetryAsync(run.InstanceId);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (retried!.Status, retried.SubStatus));
        Assert.Equal(["fixed", "after"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Null(await engine.Runtime.RetryAsync(run.InstanceId));
    }

    [Fact]
    public async Task Retry_continues_while_other_branches_keep_their_task_and_timer()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Task\",\"Timer\",\"Bad\"]"))),
                Activity("task", "Elsa.RunTask", ("taskName", Lit("t"))), WriteLine("afterTask", "task"),
                Activity("wait", "Elsa.Delay", ("timeSpan", Lit("01:00:00"))), WriteLine("afterWait", "timer"),
                Activity("bad", "Elsa.WriteLine", ("text", Js("getVariable('x').ok"))),
            ],
            ("fork", "Task", "task"), ("task", "Done", "afterTask"), ("fork", "Timer", "wait"), ("wait", "Done", "afterWait"), ("fork", "Bad", "bad")),
            new JsonArray(Variable("x", "x", "Object", null))));
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(taskId, null)).Outcome);
        Assert.Empty(await engine.Store.ListAsync());
        Assert.Equal(2, (await engine.InstanceAsync(run.InstanceId)).Bookmarks.Count);

        var instance = await engine.InstanceAsync(run.InstanceId);
        instance.Variables["x"] = new JsonObject { ["ok"] = "fixed" };
        await engine.Store.CommitAsync(new WorkflowCommit { Instance = instance, ExpectedRowVersion = instance.RowVersion });
        var retried = await engine.Runtime.RetryAsync(run.InstanceId);

        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended), (retried!.Status, retried.SubStatus));
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(taskId, null)).Outcome);
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["fixed", "task", "timer"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Cancel_removes_bookmarks_and_timers_in_the_same_commit()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]"))), Activity("task", "Elsa.RunTask", ("taskName", Lit("t"))),
             Activity("wait", "Elsa.Delay", ("timeSpan", Lit("1.00:00:00"))), WriteLine("late", "late")],
            ("fork", "A", "task"), ("fork", "B", "wait"), ("wait", "Done", "late"))));
        Assert.Equal(2, run.Bookmarks.Count);
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;

        Assert.True(await engine.Runtime.CancelAsync(run.InstanceId));

        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled), (instance.Status, instance.SubStatus));
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(instance.ActivityContexts);
        Assert.Empty(await engine.Store.ListAsync());
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(taskId, null)).Outcome);
        Assert.Equal(0, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(2)));
        Assert.False(await engine.Runtime.CancelAsync(run.InstanceId));
        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        Assert.All(records.Where(r => r.ActivityId is "task" or "wait"), r => Assert.Equal(ActivityStatus.Canceled, r.Status));
    }

    [Fact]
    public async Task Instance_journal_and_stats_queries_filter_as_the_api_needs()
    {
        await using var engine = new TestEngine();
        var finished = await engine.RunAsync(Definition(Flowchart([WriteLine("a", "A"), WriteLine("b", "B")], ("a", "Done", "b")), name: "Done one"), correlationId: "c-1");
        engine.Clock.Advance(TimeSpan.FromHours(1));
        var waiting = await engine.RunAsync(Definition(Flowchart([Activity("t", "Elsa.RunTask", ("taskName", Lit("x")))]), name: "Waiting one"));

        async Task<List<string>> Ids(WorkflowInstanceQuery query) => (await engine.Store.QueryInstancesAsync(query)).Items.Select(i => i.Id).ToList();
        Assert.Equal([waiting.InstanceId, finished.InstanceId], await Ids(new()));
        Assert.Equal([finished.InstanceId], await Ids(new() { Statuses = [WorkflowStatus.Finished] }));
        Assert.Equal([waiting.InstanceId], await Ids(new() { SubStatuses = [WorkflowSubStatus.Suspended] }));
        Assert.Equal([finished.InstanceId], await Ids(new() { CorrelationId = "c-1" }));
        Assert.Equal([waiting.InstanceId], await Ids(new() { SearchTerm = "waiting" }));
        Assert.Equal([finished.InstanceId], await Ids(new() { TimestampFilters = [new(TimestampColumn.CreatedAt, TimestampOperator.LessThan, TestEngine.Epoch.AddMinutes(30))] }));
        Assert.Equal([finished.InstanceId, waiting.InstanceId], await Ids(new() { OrderBy = InstanceOrderBy.Name, OrderDirection = OrderDirection.Ascending }));

        var journal = await engine.Store.QueryJournalAsync(finished.InstanceId,
            new JournalFilter { ExcludedActivityTypes = ["Elsa.Flowchart"], ActivityNodeIds = ["Workflow1:flow1:a", "Workflow1:flow1:b"] }, 1, 2);
        Assert.Equal(4, journal.TotalCount);
        Assert.Equal(["Completed", "Started"], journal.Items.Select(e => e.EventName));

        var stats = await engine.Store.GetActivityStatsAsync(waiting.InstanceId, ["Workflow1:flow1:t"]);
        var stat = Assert.Single(stats);
        Assert.Equal((1, 0, 1, true, false), (stat.StartedCount, stat.CompletedCount, stat.UncompletedCount, stat.IsBlocked, stat.IsFaulted));
        var root = (await engine.Store.ListActivityRecordsAsync(waiting.InstanceId, "Workflow1:flow1")).Single();
        Assert.Equal(ActivityStatus.Running, root.Status);
        Assert.NotNull(await engine.Store.GetActivityRecordAsync(root.Id));
        Assert.All(await engine.Store.ListActivityRecordsAsync(finished.InstanceId), r => Assert.NotNull(r.ActivityState));
    }
}
