using WorkflowHost.Workflows.Notifications;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class FlowchartTests
{
    [Fact]
    public async Task Activities_run_along_connections_and_the_workflow_finishes()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([WriteLine("a", "A"), WriteLine("b", "B"), WriteLine("c", "C")],
            ("a", "Done", "b"), ("b", "Done", "c"))));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (run.Status, run.SubStatus));
        Assert.Equal(["A", "B", "C"], await engine.WrittenLinesAsync(run.InstanceId));
        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        var b = records.Single(r => r.ActivityId == "b");
        Assert.Equal(ActivityStatus.Completed, b.Status);
        Assert.Equal("B", b.ActivityState["Text"]!.GetValue<string>());
        Assert.Equal("Done", b.Payload!["Outcomes"]![0]!.GetValue<string>());
        Assert.Equal("Workflow1:flow1:b", b.ActivityNodeId);
        Assert.NotNull(b.CompletedAt);
        var journal = (await engine.Store.QueryJournalAsync(run.InstanceId, null, 0, 100)).Items;
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(["Started", "Completed"], journal.Where(e => e.ActivityId == "b").Select(e => e.EventName));
    }

    [Fact]
    public async Task Start_rules_prefer_Elsa_Start_then_canStartWorkflow_then_an_activity_without_inbound_connections()
    {
        await using var engine = new TestEngine();
        var withStart = await engine.RunAsync(Definition(Flowchart(
            [WriteLine("x", "X"), Activity("s", "Elsa.Start"), WriteLine("y", "Y")], ("s", "Done", "y"), ("y", "Done", "x"))));
        Assert.Equal(["Y", "X"], await engine.WrittenLinesAsync(withStart.InstanceId));

        var withCanStart = await engine.RunAsync(Definition(Flowchart([WriteLine("x", "X"), WriteLine("y", "Y").CanStart()], ("y", "Done", "x"))));
        Assert.Equal(["Y", "X"], await engine.WrittenLinesAsync(withCanStart.InstanceId));

        var noInbound = await engine.RunAsync(Definition(Flowchart([WriteLine("x", "X"), WriteLine("y", "Y")], ("y", "Done", "x"))));
        Assert.Equal(["Y", "X"], await engine.WrittenLinesAsync(noInbound.InstanceId));
    }

    [Theory]
    [InlineData(null, new[] { "T", "J" })]
    [InlineData("WaitAllActive", new[] { "T", "J" })]
    [InlineData("WaitAll", new[] { "T" })]
    [InlineData("WaitAny", new[] { "T", "J" })]
    public async Task Decision_dead_path_reaches_the_join_so_it_does_not_wait_forever(string? joinMode, string[] expected)
    {
        await using var engine = new TestEngine();
        JsonObject join = joinMode is null ? WriteLine("j", "J") : Activity("j", "Elsa.FlowJoin", ("mode", Lit(joinMode)));
        var activities = new List<JsonObject>
        {
            Activity("d", "Elsa.FlowDecision", ("condition", Lit(true))), WriteLine("t", "T"), WriteLine("f", "F"), WriteLine("f2", "F2"), join,
        };
        var connections = new List<(string, string, string)> { ("d", "True", "t"), ("d", "False", "f"), ("f", "Done", "f2"), ("t", "Done", "j"), ("f2", "Done", "j") };
        if (joinMode is not null)
        {
            activities.Add(WriteLine("after", "J"));
            connections.Add(("j", "Done", "after"));
        }
        var run = await engine.RunAsync(Definition(Flowchart(activities, connections.ToArray())));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(expected, await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task Implicit_join_waits_for_every_branch_of_a_fork()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"L\",\"R\"]"))), WriteLine("l", "L"), WriteLine("r1", "R1"), WriteLine("r2", "R2"), WriteLine("j", "J")],
            ("fork", "L", "l"), ("fork", "R", "r1"), ("r1", "Done", "r2"), ("l", "Done", "j"), ("r2", "Done", "j"))));

        var lines = await engine.WrittenLinesAsync(run.InstanceId);
        Assert.Equal("J", lines[^1]);
        Assert.Single(lines, "J");
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public async Task A_loop_runs_until_its_condition_turns_false()
    {
        await using var engine = new TestEngine();
        var variables = new JsonArray(Variable("v1", "counter", "Int32", "0"));
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("check", "Elsa.FlowDecision", ("condition", Js("getCounter() < 3"))),
                Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1", ["name"] = "counter" }), ("value", Js("getCounter() + 1"))),
                Activity("say", "Elsa.WriteLine", ("text", Js("'n=' + variables.counter"))),
                WriteLine("done", "done"),
            ],
            ("check", "True", "inc"), ("inc", "Done", "say"), ("say", "Done", "check"), ("check", "False", "done")), variables));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["n=1", "n=2", "n=3", "done"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(3, (await engine.InstanceAsync(run.InstanceId)).Variables["v1"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_loop_back_into_an_activity_that_also_has_a_forward_inbound_connection_runs_it_again()
    {
        // Elsa's ImplicitLoop scenario, the shape of "rejected → back to drafting": the loop target is entered
        // once from before the loop and again along the loop connection.
        await using var engine = new TestEngine();
        var variables = new JsonArray(Variable("v1", "counter", "Int32", "0"));
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                WriteLine("start", "S"),
                Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1", ["name"] = "counter" }), ("value", Js("getCounter() + 1"))),
                Activity("say", "Elsa.WriteLine", ("text", Js("'n=' + variables.counter"))),
                Activity("check", "Elsa.FlowDecision", ("condition", Js("getCounter() < 3"))),
                WriteLine("done", "done"),
            ],
            ("start", "Done", "inc"), ("inc", "Done", "say"), ("say", "Done", "check"), ("check", "True", "inc"), ("check", "False", "done")), variables));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["S", "n=1", "n=2", "n=3", "done"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task A_loop_through_a_human_task_waits_for_each_pass_and_finishes_after_the_last()
    {
        await using var engine = new TestEngine();
        var variables = new JsonArray(Variable("v1", "counter", "Int32", "0"));
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                WriteLine("start", "S"),
                Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1", ["name"] = "counter" }), ("value", Js("getCounter() + 1"))),
                Activity("draft", "Elsa.RunTask", ("taskName", Lit("Draft"))),
                Activity("check", "Elsa.FlowDecision", ("condition", Js("getCounter() < 2"))),
                WriteLine("done", "done"),
            ],
            ("start", "Done", "inc"), ("inc", "Done", "draft"), ("draft", "Done", "check"), ("check", "True", "inc"), ("check", "False", "done")), variables));
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

        var first = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;
        await engine.Runtime.CompleteTaskAsync(first, null);
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
        var second = engine.Notifications.Of<RunTaskRequested>().Select(r => r.TaskId).Single(id => id != first);
        await engine.Runtime.CompleteTaskAsync(second, null);

        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(2, instance.Variables["v1"]!.GetValue<int>());
        Assert.Equal(["S", "done"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task FlowSwitch_matches_first_any_or_default()
    {
        await using var engine = new TestEngine();
        JsonObject Switch(string mode, string a, string b) => Activity("s", "Elsa.FlowSwitch", ("mode", Lit(mode)), ("cases", new JsonArray(
            new JsonObject { ["label"] = "A", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = a } },
            new JsonObject { ["label"] = "B", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = b } })));
        async Task<List<string>> Run(string mode, string a, string b)
        {
            var run = await engine.RunAsync(Definition(Flowchart([Switch(mode, a, b), WriteLine("a", "A"), WriteLine("b", "B"), WriteLine("d", "D")],
                ("s", "A", "a"), ("s", "B", "b"), ("s", "Default", "d"))));
            return await engine.WrittenLinesAsync(run.InstanceId);
        }

        Assert.Equal(["A"], await Run("MatchFirst", "true", "true"));
        Assert.Equal(["A", "B"], (await Run("MatchAny", "true", "1 == 1")).Order().ToList());
        Assert.Equal(["D"], await Run("MatchFirst", "false", "false"));
    }

    [Fact]
    public async Task End_completes_the_flowchart_and_cancels_the_branch_still_waiting()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]"))), Activity("wait", "Elsa.Delay", ("timeSpan", Lit("01:00:00"))),
             WriteLine("late", "late"), Activity("end", "Elsa.End")],
            ("fork", "A", "wait"), ("wait", "Done", "late"), ("fork", "B", "end"))));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(await engine.Store.ListAsync(run.InstanceId));
        Assert.Equal(0, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(1)));
        Assert.Empty(await engine.WrittenLinesAsync(run.InstanceId));
        var delay = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "wait");
        Assert.Equal(ActivityStatus.Canceled, delay.Status);
    }

    [Fact]
    public async Task Finish_ends_the_workflow_even_with_other_branches_pending()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]"))), Activity("task", "Elsa.RunTask", ("taskName", Lit("Never"))), Activity("finish", "Elsa.Finish")],
            ("fork", "A", "task"), ("fork", "B", "finish"))));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (run.Status, run.SubStatus));
        Assert.Empty(run.Bookmarks);
        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        Assert.Equal(ActivityStatus.Completed, records.Single(r => r.ActivityId == "finish").Status);
    }

    [Fact]
    public async Task A_sequence_root_runs_its_activities_in_order()
    {
        await using var engine = new TestEngine();
        var root = new JsonObject { ["id"] = "seq", ["type"] = "Elsa.Sequence", ["version"] = 1, ["activities"] = new JsonArray(WriteLine("a", "1"), WriteLine("b", "2"), WriteLine("c", "3")) };
        var run = await engine.RunAsync(Definition(root));

        Assert.Equal(["1", "2", "3"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }
}

public class EndlessLoopTests
{
    [Fact]
    public async Task A_loop_that_never_waits_faults_the_instance_instead_of_hanging()
    {
        await using var engine = new TestEngine(e => e.RuntimeOptions = new() { MaxActivityExecutionsPerBurst = 1_000 });
        var run = await engine.RunAsync(Wf.Definition(Wf.Flowchart([Wf.WriteLine("a", "a"), Wf.WriteLine("b", "b")], ("a", "Done", "b"), ("b", "Done", "a"))));

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (run.Status, run.SubStatus));
        Assert.Contains("endless loop", Assert.Single(run.Incidents).Message);
    }
}
