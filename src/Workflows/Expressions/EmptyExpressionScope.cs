using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Expressions;

/// <summary>A scope without an instance (trigger scheduling, validation): no variables, no input.</summary>
public sealed class EmptyExpressionScope : IExpressionScope
{
    public static readonly EmptyExpressionScope Instance = new();
    public string WorkflowInstanceId => "";
    public string? CorrelationId { get; set; }
    public JsonObject WorkflowInput { get; } = new();
    public JsonNode? GetVariable(string nameOrId) => null;
    public void SetVariable(string nameOrId, JsonNode? value) { }
    public IReadOnlyDictionary<string, JsonNode?> GetVisibleVariables() => new Dictionary<string, JsonNode?>();
    public JsonNode? GetOutput(string activityIdOrName, string? outputName) => null;
    public JsonNode? LastResult => null;
}
