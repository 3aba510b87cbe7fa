using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Tests.Support;

/// <summary>Builds Elsa definition JSON for tests (the same shape Studio writes).</summary>
public static class Wf
{
    public static JsonObject Definition(JsonObject root, JsonArray? variables = null, string? name = null, JsonObject? options = null,
        string? definitionId = null) => new()
    {
        ["definitionId"] = definitionId ?? Ids.New(),
        ["name"] = name ?? "Test " + (definitionId ?? Ids.New()),
        ["toolVersion"] = "3.8.0.0",
        ["variables"] = variables ?? new JsonArray(),
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["outcomes"] = new JsonArray(),
        ["customProperties"] = new JsonObject(),
        ["options"] = options ?? new JsonObject(),
        ["root"] = root,
    };

    public static JsonObject Flowchart(IEnumerable<JsonObject> activities, params (string From, string Port, string To)[] connections) =>
        Flowchart("flow1", activities, connections);

    public static JsonObject Flowchart(string id, IEnumerable<JsonObject> activities, params (string From, string Port, string To)[] connections) => new()
    {
        ["id"] = id,
        ["type"] = "Elsa.Flowchart",
        ["version"] = 1,
        ["activities"] = new JsonArray(activities.Select(a => (JsonNode)a).ToArray()),
        ["connections"] = new JsonArray(connections.Select(c => (JsonNode)new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = c.From, ["port"] = c.Port },
            ["target"] = new JsonObject { ["activity"] = c.To, ["port"] = "In" },
        }).ToArray()),
    };

    /// <summary>An activity; inputs are (camelCase name, input JSON) pairs, e.g. ("text", Lit("hi")).</summary>
    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Lit(text)));

    public static JsonObject Lit(object? value) => Expr("Literal", JsonValues.ToJson(value));
    public static JsonObject Js(string script) => Expr("JavaScript", script);
    public static JsonObject Obj(string json) => Expr("Object", json);
    public static JsonObject Var(string name) => Expr("Variable", name);

    private static JsonObject Expr(string type, JsonNode? value) => new()
    {
        ["typeName"] = null,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };

    public static JsonObject Variable(string id, string name, string typeName, string? value) => new()
    {
        ["id"] = id, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value,
    };

    public static JsonObject CanStart(this JsonObject activity)
    {
        activity["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return activity;
    }
}
