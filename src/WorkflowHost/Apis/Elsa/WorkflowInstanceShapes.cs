using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Instance JSON (ELSA-API §4.3): the list summary, the single instance and its Elsa <c>workflowState</c>.</summary>
public static class WorkflowInstanceShapes
{
    public static JsonNode Summary(WorkflowInstanceSummary summary) => JsonSerializer.SerializeToNode(summary, ElsaJson.Options)!;

    public static JsonObject Instance(WorkflowInstance instance)
    {
        var json = (JsonObject)Summary(WorkflowInstanceSummary.From(instance));
        json["isExecuting"] = false;
        json["isSystem"] = instance.IsSystem;
        json["workflowState"] = State(instance);
        return json;
    }

    /// <summary>Elsa's WorkflowState: every collection present (Studio iterates incidents, contexts, input/output).</summary>
    public static JsonObject State(WorkflowInstance instance)
    {
        var state = new JsonObject
        {
            ["id"] = instance.Id,
            ["definitionId"] = instance.DefinitionId,
            ["definitionVersionId"] = instance.DefinitionVersionId,
            ["definitionVersion"] = instance.Version,
            ["status"] = instance.Status.ToString(),
            ["subStatus"] = instance.SubStatus.ToString(),
            ["bookmarks"] = JsonSerializer.SerializeToNode(instance.Bookmarks, ElsaJson.Options),
            ["incidents"] = JsonSerializer.SerializeToNode(instance.Incidents, ElsaJson.Options),
            ["completionCallbacks"] = new JsonArray(),
            ["activityExecutionContexts"] = new JsonArray(instance.ActivityContexts.Select(Context).ToArray()),
            ["input"] = instance.Input.DeepClone(),
            ["output"] = instance.Output.DeepClone(),
            ["properties"] = instance.Properties.DeepClone(),
            ["createdAt"] = JsonValues.ToJson(instance.CreatedAt),
            ["updatedAt"] = JsonValues.ToJson(instance.UpdatedAt),
        };
        if (instance.CorrelationId is not null) state["correlationId"] = instance.CorrelationId;
        if (instance.FinishedAt is { } finishedAt) state["finishedAt"] = JsonValues.ToJson(finishedAt);
        if (instance.Fault is { } fault) state["fault"] = JsonSerializer.SerializeToNode(fault, ElsaJson.Options);
        return state;
    }

    private static JsonNode Context(ActivityContextState context)
    {
        var json = new JsonObject
        {
            ["id"] = context.Id,
            ["scheduledActivityNodeId"] = context.NodeId,
            ["properties"] = context.Properties.DeepClone(),
            ["activityState"] = context.ActivityState.DeepClone(),
            ["dynamicVariables"] = new JsonArray(),
        };
        if (context.ParentContextId is not null) json["parentContextId"] = context.ParentContextId;
        return json;
    }
}
