using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Serialization;
using WorkflowHost.Workflows.Tests.Support;

namespace WorkflowHost.Workflows.Tests;

public class SerializationTests
{
    public static TheoryData<string> SampleFiles => new(Samples.Files);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Every_sample_imports_and_exports_equal_to_the_original_except_engine_owned_fields(string file)
    {
        await using var engine = new TestEngine();
        var original = Samples.Load(file);

        var imported = await engine.Definitions.ImportAsync(Samples.Text(file));
        Assert.True(imported.Succeeded, string.Join("; ", imported.ValidationErrors));
        var exported = await engine.Definitions.ExportAsync(original.GetString("definitionId")!, VersionOptions.Latest);

        Assert.NotNull(exported);
        Assert.Empty(JsonComparison.Differences(original, exported));
        Assert.Equal(WorkflowDefinitionJson.SchemaUrl, exported["$schema"]!.GetValue<string>());
        Assert.Equal(original.GetString("id"), exported.GetString("id"));
    }

    [Fact]
    public async Task An_unknown_property_survives_import_save_and_export()
    {
        await using var engine = new TestEngine();
        var model = Samples.Load("fork.json");
        model["x-custom"] = new JsonObject { ["kept"] = true };
        ((JsonObject)model["root"]!["activities"]![0]!)["x-activity"] = "also kept";

        await engine.Definitions.ImportAsync(model);
        var stored = await engine.Definitions.FindAsync(model.GetString("definitionId")!, VersionOptions.Latest);
        var resaved = await engine.Definitions.SaveAsync(stored!.Model, publish: false);
        var exported = await engine.Definitions.ExportAsync(resaved.Definition!.DefinitionId, VersionOptions.Latest);

        Assert.True(exported!["x-custom"]!["kept"]!.GetValue<bool>());
        Assert.Equal("also kept", exported["root"]!["activities"]![0]!["x-activity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Legacy_flat_connections_are_converted_to_the_nested_form_and_start_is_kept()
    {
        await using var engine = new TestEngine();
        var result = await engine.Definitions.ImportAsync(Samples.Text("legacy-delay-decision.json"));
        var root = result.Definition!.Model["root"]!.AsObject();

        var connections = root["connections"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(10, connections.Count);
        Assert.All(connections, c =>
        {
            Assert.IsType<JsonObject>(c["source"]);
            Assert.IsType<JsonObject>(c["target"]);
            Assert.False(c.ContainsKey("sourcePort"));
        });
        var decisionFalse = connections.Single(c => c["source"]!["activity"]!.GetValue<string>() == "FlowDecision1" && c["source"]!["port"]!.GetValue<string>() == "False");
        Assert.Equal("Delay2", decisionFalse["target"]!["activity"]!.GetValue<string>());
        Assert.Equal("In", decisionFalse["target"]!["port"]!.GetValue<string>());
        Assert.Equal("WriteLine1", root.GetString("start"));
        Assert.Equal("Workflow1:Flowchart1:Delay1", root["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "Delay1")!["nodeId"]!.GetValue<string>());
    }

    [Fact]
    public void PascalCase_single_object_and_dollar_values_connections_are_read()
    {
        var json = new WorkflowDefinitionJson(new Descriptors.ActivityRegistry([], new EmptyServices()));
        var model = Wf.Definition(new JsonObject
        {
            ["id"] = "f", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(Wf.WriteLine("a", "A"), Wf.WriteLine("b", "B")),
            ["connections"] = new JsonObject { ["$values"] = new JsonArray(new JsonObject
            {
                ["Source"] = new JsonObject { ["Activity"] = "a", ["Port"] = "Done" },
                ["Target"] = new JsonObject { ["Activity"] = "b", ["Port"] = "In" },
            }) },
        });

        var connection = json.Normalize(model)["root"]!["connections"]![0]!;

        Assert.Equal("a", connection["source"]!["activity"]!.GetValue<string>());
        Assert.Equal("b", connection["target"]!["activity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identity_rules_assign_ids_node_ids_memory_references_and_type_names()
    {
        await using var engine = new TestEngine();
        // What Studio sends for a new workflow: no nodeIds, an activity without id, a freshly edited input with typeName null.
        var root = Wf.Flowchart("fc", [Wf.Activity("", "Elsa.WriteLine", ("text", Wf.Lit("hi"))), Wf.WriteLine("w2", "x")]);
        root["activities"]![0]!.AsObject().Remove("id");
        root["variables"] = new JsonArray(new JsonObject { ["name"] = "local", ["typeName"] = "String" });
        var result = await engine.Definitions.SaveAsync(Wf.Definition(root), publish: false);

        var stored = result.Definition!.Model["root"]!;
        var first = stored["activities"]![0]!;
        Assert.Equal("WriteLine1", first["id"]!.GetValue<string>());
        Assert.Equal("Workflow1:fc", stored["nodeId"]!.GetValue<string>());
        Assert.Equal("Workflow1:fc:WriteLine1", first["nodeId"]!.GetValue<string>());
        Assert.Equal("WriteLine1:input-text", first["text"]!["memoryReference"]!["id"]!.GetValue<string>());
        Assert.Equal("String", first["text"]!["typeName"]!.GetValue<string>());
        Assert.Equal("fc:variable-1", stored["variables"]![0]!["id"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{24}$", result.Definition.Id);
        Assert.Matches("^[0-9a-f]{24}$", result.Definition.DefinitionId);
    }

    [Fact]
    public void Embedded_children_get_nested_node_ids()
    {
        var model = Samples.Load("parallel-join.json");
        foreach (var (activity, nodeId, _) in ActivityJson.Walk((JsonObject)model["root"]!))
            activity["nodeId"] = "wrong";
        var json = new WorkflowDefinitionJson(new Descriptors.ActivityRegistry([], new EmptyServices()));

        var normalized = json.Normalize(model);

        var body = normalized["root"]!["activities"]![0]!["body"]!;
        Assert.Equal("Workflow1:d3350290ed96e720:70fc1183cd5800f2:b07170f2d68980cd", body["nodeId"]!.GetValue<string>());
        Assert.Equal("Workflow1:d3350290ed96e720:70fc1183cd5800f2:b07170f2d68980cd:33665f061d96b957", body["activities"]![0]!["nodeId"]!.GetValue<string>());
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
