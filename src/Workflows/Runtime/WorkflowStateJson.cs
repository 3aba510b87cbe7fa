using System.Text.Json;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>Serialises instance state for storage (camelCase, enums as strings). Stores keep it as one JSON document.</summary>
public static class WorkflowStateJson
{
    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Model.JsonValues.Options);

    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Model.JsonValues.Options)
        ?? throw new JsonException("Empty workflow instance state.");
}
