using System.Text.Json.Nodes;

namespace WorkflowHost.Tests.Workflows;

/// <summary>Elsa definition JSON for the tests (the shape Studio writes): one waiting activity, then a WriteLine.</summary>
public static class TestWorkflows
{
    /// <summary>Delay → WriteLine "after".</summary>
    public static string WaitOnDelay(string timeSpan, string? definitionId = null) =>
        Flow(definitionId, Activity("d", "Elsa.Delay", ("timeSpan", Literal(timeSpan))), "d", "Done");

    /// <summary>RunTask → WriteLine "after".</summary>
    public static string WaitOnTask(string? definitionId = null) =>
        Flow(definitionId, Activity("t", "Elsa.RunTask", ("taskName", Literal("Duyệt báo cáo"))), "t", "Done");

    /// <summary>DraftReport (inputs from the workflow input: planId, levelKey, unitCode) → WriteLine "after".</summary>
    public static string DraftReport(string? definitionId = null) =>
        Flow(definitionId, Activity("draft", "WorkflowHost.DraftReport"), "draft", "Submitted");

    private static string Flow(string? definitionId, JsonObject waiting, string waitingId, string port)
    {
        var id = definitionId ?? Guid.NewGuid().ToString("N")[..16];
        return new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = "Test " + id,
            ["description"] = "Quy trình thử nghiệm",
            ["toolVersion"] = "3.8.0.0",
            ["variables"] = new JsonArray(),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject(),
            ["options"] = new JsonObject(),
            ["root"] = new JsonObject
            {
                ["id"] = "flow1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(waiting, Activity("w", "Elsa.WriteLine", ("text", Literal("after")))),
                ["connections"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = waitingId, ["port"] = port },
                    ["target"] = new JsonObject { ["activity"] = "w", ["port"] = "In" },
                }),
            },
        }.ToJsonString();
    }

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    private static JsonObject Literal(string value) => new()
    {
        ["typeName"] = "String",
        ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };
}
