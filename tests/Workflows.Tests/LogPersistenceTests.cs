using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>Elsa's log persistence settings decide what activity execution records keep; commit strategies round-trip.</summary>
public class LogPersistenceTests
{
    private static JsonObject With(JsonObject activity, string property, JsonNode value)
    {
        activity["customProperties"] = new JsonObject { [property] = value };
        return activity;
    }

    [Fact]
    public async Task An_activity_can_exclude_one_input_from_its_record_in_Elsas_legacy_form()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                With(WriteLine("secret", "mật khẩu 1234"), "logPersistenceMode", new JsonObject { ["default"] = "Inherit", ["inputs"] = new JsonObject { ["text"] = "Exclude" } }),
                WriteLine("plain", "công khai"),
            ],
            ("secret", "Done", "plain"))));

        var records = await engine.Store.ListActivityRecordsAsync(run.InstanceId);
        Assert.False(records.Single(r => r.ActivityId == "secret").ActivityState!.ContainsKey("Text"));
        Assert.Equal("công khai", records.Single(r => r.ActivityId == "plain").ActivityState!["Text"]!.GetValue<string>());
        // The activity itself still ran with its input.
        Assert.Equal(["mật khẩu 1234", "công khai"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task A_workflow_wide_Exclude_strategy_applies_to_inputs_and_outputs_unless_an_activity_includes_them()
    {
        await using var engine = new TestEngine();
        static JsonObject Strategy(string name) => new()
        {
            ["default"] = new JsonObject { ["evaluationMode"] = "Strategy", ["strategyType"] = $"Elsa.Workflows.LogPersistence.Strategies.{name}, Elsa.Workflows.Core" },
        };
        var model = Definition(Flowchart(
            [
                Activity("task", "Elsa.RunTask", ("taskName", Lit("Duyệt"))),
                With(WriteLine("kept", "giữ lại"), "logPersistenceConfig", Strategy("Include")),
            ],
            ("task", "Done", "kept")));
        model["customProperties"] = new JsonObject { ["logPersistenceConfig"] = Strategy("Exclude") };
        var run = await engine.RunAsync(model);

        var task = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "task");
        Assert.Empty(task.ActivityState!);
        Assert.False(task.Outputs?.ContainsKey("TaskId") ?? false);
        // The running instance still has what it needs: the task completes.
        var taskId = engine.Notifications.Of<Notifications.RunTaskRequested>().Single().TaskId;
        await engine.Runtime.CompleteTaskAsync(taskId, "ok");
        var kept = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "kept");
        Assert.Equal("giữ lại", kept.ActivityState!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commit_strategy_and_log_persistence_settings_round_trip()
    {
        await using var engine = new TestEngine();
        var activity = WriteLine("w", "x");
        activity["customProperties"] = new JsonObject
        {
            ["commitStrategyName"] = "ActivityExecuted",
            ["logPersistenceMode"] = new JsonObject { ["default"] = "Exclude", ["inputs"] = new JsonObject(), ["outputs"] = new JsonObject() },
        };
        var model = Definition(Flowchart([activity]), options: new JsonObject { ["commitStrategyName"] = "WorkflowExecuted", ["autoUpdateConsumingWorkflows"] = false });
        model["customProperties"] = new JsonObject { ["logPersistenceConfig"] = new JsonObject { ["default"] = new JsonObject { ["evaluationMode"] = "Strategy", ["strategyType"] = "Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core" } } };

        var saved = await engine.PublishAsync(model);
        var exported = (await engine.Definitions.ExportAsync(saved.DefinitionId, VersionOptions.Published))!;

        Assert.Equal("WorkflowExecuted", exported["options"]!["commitStrategyName"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(model["customProperties"], exported["customProperties"]));
        Assert.True(JsonNode.DeepEquals(activity["customProperties"], exported["root"]!["activities"]![0]!["customProperties"]));
    }
}
