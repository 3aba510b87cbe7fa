using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Serialization;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class BreakTests
{
    private static JsonObject Body(string breakWhen, params JsonObject[] more) => Flowchart("body",
        [Activity("stop", "Elsa.FlowDecision", ("condition", Js(breakWhen))), Activity("brk", "Elsa.Break"), .. more],
        [("stop", "True", "brk"), .. more.Length > 0 ? new[] { ("stop", "False", more[0]["id"]!.GetValue<string>()) } : []]);

    [Fact]
    public async Task Break_inside_a_ForEach_body_ends_the_loop_and_the_flow_continues_after_it()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("each", "Elsa.ForEach", ("items", Obj("[1,2,3,4]")),
                    ("body", Body("getCurrentValue() == 3", Activity("say", "Elsa.WriteLine", ("text", Js("'item ' + getCurrentValue()")))))),
                WriteLine("after", "after the loop"),
            ],
            ("each", "Done", "after"))));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["item 1", "item 2", "after the loop"], await engine.WrittenLinesAsync(run.InstanceId));
        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        Assert.Equal(ActivityStatus.Completed, records.Single(r => r.ActivityId == "each").Status);
        Assert.Equal(ActivityStatus.Completed, records.Single(r => r.ActivityId == "brk").Status);
    }

    [Fact]
    public async Task Break_ends_a_While_loop_whose_condition_is_still_true()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("loop", "Elsa.While", ("condition", Js("getRounds() < 100")),
                    ("body", Flowchart("body",
                        [
                            Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "rounds" }), ("value", Js("getRounds() + 1"))),
                            Activity("stop", "Elsa.FlowDecision", ("condition", Js("getRounds() == 3"))), Activity("brk", "Elsa.Break"),
                            Activity("say", "Elsa.WriteLine", ("text", Js("'round ' + getRounds()"))),
                        ],
                        ("inc", "Done", "stop"), ("stop", "True", "brk"), ("stop", "False", "say")))),
                Activity("after", "Elsa.WriteLine", ("text", Js("'stopped at ' + getRounds()"))),
            ],
            ("loop", "Done", "after")), new JsonArray(Variable("rounds", "Rounds", "Int32", "0"))));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["round 1", "round 2", "stopped at 3"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task While_without_break_runs_until_its_condition_is_false_and_not_at_all_when_false_at_first()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("loop", "Elsa.While", ("condition", Js("getRounds() < 2")),
                    ("body", Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "rounds" }), ("value", Js("getRounds() + 1"))))),
                Activity("never", "Elsa.While", ("condition", Lit(false)), ("body", WriteLine("body", "never"))),
                Activity("after", "Elsa.WriteLine", ("text", Js("'rounds ' + getRounds()"))),
            ],
            ("loop", "Done", "never"), ("never", "Done", "after")), new JsonArray(Variable("rounds", "Rounds", "Int32", "0"))));

        Assert.Equal(["rounds 2"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task Break_cancels_what_still_waits_in_the_loop_body()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("each", "Elsa.ForEach", ("items", Obj("[\"a\",\"b\"]")), ("body", Flowchart("body",
                    [Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Wait\",\"Stop\"]"))), Activity("task", "Elsa.RunTask", ("taskName", Lit("Never"))),
                     Activity("delay", "Elsa.Delay", ("timeSpan", Lit("01:00:00"))), Activity("brk", "Elsa.Break")],
                    ("fork", "Wait", "task"), ("fork", "Wait", "delay"), ("fork", "Stop", "brk")))),
                WriteLine("after", "after"),
            ],
            ("each", "Done", "after"))));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["after"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(run.Bookmarks);
        Assert.Empty(await engine.Store.ListAsync(run.InstanceId));
    }

    [Fact]
    public async Task Break_outside_a_loop_is_an_incident_naming_it()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("brk", "Elsa.Break")])));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("brk", incident.ActivityId);
        Assert.Contains("not inside a loop", incident.Message);
    }
}

public class NotFoundActivityTests
{
    private static JsonObject WithUnknown() => Definition(Flowchart(
        [
            WriteLine("w", "before"),
            Activity("ghost", "Acme.SendFax", ("number", Lit("024 3823 1234")), ("body", WriteLine("inner", "inner"))),
        ],
        ("w", "Done", "ghost")), name: "Có hoạt động lạ");

    [Fact]
    public async Task The_designer_gets_a_NotFoundActivity_placeholder_and_saving_it_back_stores_the_original()
    {
        await using var engine = new TestEngine();
        var draft = (await engine.Definitions.SaveAsync(WithUnknown(), publish: false)).Definition!;
        var registry = engine.Services.GetRequiredService<ActivityRegistry>();

        var forDesigner = NotFoundActivities.Substitute(draft.Model, registry);

        var placeholder = forDesigner["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == "ghost");
        Assert.Equal("Elsa.NotFoundActivity", placeholder["type"]!.GetValue<string>());
        Assert.Equal(("Acme.SendFax", 1), (placeholder["missingTypeName"]!.GetValue<string>(), placeholder["missingTypeVersion"]!.GetValue<int>()));
        Assert.Equal(draft.Model["root"]!["activities"]![1]!["nodeId"]!.GetValue<string>(), placeholder["nodeId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(draft.Model, NotFoundActivities.Restore(forDesigner)));

        // Studio moves the placeholder and saves: the original activity is stored, at the new position.
        placeholder["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 420, ["y"] = 80 } } };
        var saved = (await engine.Definitions.SaveAsync(forDesigner, publish: false)).Definition!;
        var stored = saved.Model["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == "ghost");
        Assert.Equal("Acme.SendFax", stored["type"]!.GetValue<string>());
        Assert.Equal("024 3823 1234", stored["number"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(420, stored["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publishing_names_the_unknown_activity_and_running_the_draft_faults_with_a_clear_incident()
    {
        await using var engine = new TestEngine();
        var published = await engine.Definitions.SaveAsync(WithUnknown(), publish: true);
        Assert.Contains(published.ValidationErrors, e => e.ActivityId == "ghost" && e.Message.Contains("Unknown activity type 'Acme.SendFax'"));

        var draft = (await engine.Definitions.SaveAsync(WithUnknown(), publish: false)).Definition!;
        var run = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = draft.DefinitionId, VersionOptions = VersionOptions.Latest });

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (run.Status, run.SubStatus));
        Assert.Equal(["before"], await engine.WrittenLinesAsync(run.InstanceId));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("ghost", incident.ActivityId);
        Assert.Contains("unknown type 'Acme.SendFax'", incident.Message);
    }

    [Fact]
    public async Task A_placeholder_itself_validates_with_the_missing_type_and_faults_when_run()
    {
        await using var engine = new TestEngine();
        var placeholder = new JsonObject
        {
            ["id"] = "ph", ["type"] = "Elsa.NotFoundActivity", ["version"] = 1, ["missingTypeName"] = "Acme.Gone", ["missingTypeVersion"] = 2,
        };
        var model = Definition(Flowchart([placeholder]));

        Assert.Contains(engine.Definitions.Validate(model), e => e.ActivityId == "ph" && e.Message.Contains("'Acme.Gone' (version 2)"));
        var draft = (await engine.Definitions.SaveAsync(model, publish: false)).Definition!;
        var run = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = draft.DefinitionId, VersionOptions = VersionOptions.Latest });
        Assert.Contains("unknown type 'Acme.Gone' (version 2)", Assert.Single(run.Incidents).Message);

        var descriptor = engine.Services.GetRequiredService<ActivityRegistry>().Find("Elsa.NotFoundActivity")!.Descriptor;
        Assert.False(descriptor.IsBrowsable);
    }
}
