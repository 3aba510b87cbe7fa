using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// <c>POST /tests/activities</c> (ELSA-API §4.5): the Run button of Studio's activity "Test" tab. The activity runs
/// alone in a throwaway instance that is never stored (<see cref="ActivityTestRunner"/>); the answer is its record's
/// <c>{activityState, outputs, payload, exception, status}</c>.
/// </summary>
public static class ActivityTestEndpoints
{
    public static RouteGroupBuilder MapActivityTestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/tests/activities", TestAsync).RequireAuthorization(Policies.DesignWorkflows);
        return api;
    }

    public sealed class TestRequest
    {
        public DefinitionHandle? WorkflowDefinitionHandle { get; set; }
        public ActivityHandle? ActivityHandle { get; set; }
    }

    /// <summary>Studio sends the version id; a definition id with version options (default Latest) works too.</summary>
    public sealed class DefinitionHandle
    {
        public string? DefinitionId { get; set; }
        public string? VersionOptions { get; set; }
        public string? DefinitionVersionId { get; set; }
    }

    /// <summary>Studio sends the node id; an activity id (unique in a definition) works too.</summary>
    public sealed class ActivityHandle
    {
        public string? ActivityId { get; set; }
        public string? ActivityNodeId { get; set; }
    }

    private static async Task<IResult> TestAsync(HttpContext context, IWorkflowDefinitionService definitions, ActivityTestRunner runner, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<TestRequest>(context.Request, ct);
        if (error is not null) return error;
        var handle = request.WorkflowDefinitionHandle;
        if (handle?.DefinitionVersionId is not { Length: > 0 } && handle?.DefinitionId is not { Length: > 0 })
            return ElsaJson.BadRequest("workflowDefinitionHandle", "Give the definition version id (or a definition id).");
        var versionOptions = Workflows.Model.VersionOptions.Latest;
        if (handle.DefinitionVersionId is not { Length: > 0 } && handle.VersionOptions is { Length: > 0 } text && !Workflows.Model.VersionOptions.TryParse(text, out versionOptions))
            return ElsaJson.BadRequest("workflowDefinitionHandle.versionOptions", $"'{text}' is not a version option.");
        if (request.ActivityHandle?.ActivityNodeId is not { Length: > 0 } && request.ActivityHandle?.ActivityId is not { Length: > 0 })
            return ElsaJson.BadRequest("activityHandle", "Give the activity node id (or the activity id).");

        var version = handle.DefinitionVersionId is { Length: > 0 } versionId
            ? await definitions.GetByIdAsync(versionId, ct)
            : await definitions.FindAsync(handle.DefinitionId!, versionOptions, ct);
        if (version is null) return ElsaJson.NotFound($"Workflow definition '{handle.DefinitionVersionId ?? handle.DefinitionId}' was not found.");
        var nodeId = request.ActivityHandle.ActivityNodeId is { Length: > 0 } given ? given : NodeIdOf(version, request.ActivityHandle.ActivityId!);
        if (nodeId is null || await runner.RunAsync(version, nodeId, ct) is not { } record)
            return ElsaJson.NotFound($"Workflow definition version '{version.Id}' has no activity '{request.ActivityHandle.ActivityNodeId ?? request.ActivityHandle.ActivityId}'.");

        var answer = new JsonObject
        {
            ["activityState"] = record.ActivityState.DeepClone(),
            ["outputs"] = record.Outputs?.DeepClone() ?? new JsonObject(),
            ["payload"] = record.Payload?.DeepClone() ?? new JsonObject(),
            ["status"] = record.Status.ToString(),
        };
        if (record.Exception is not null) answer["exception"] = JsonSerializer.SerializeToNode(record.Exception, ElsaJson.Options);
        return ElsaJson.Ok(answer);
    }

    private static string? NodeIdOf(WorkflowDefinitionVersion version, string activityId) =>
        version.WithSyncedModel().Model["root"] is JsonObject root
            ? Workflows.Serialization.ActivityJson.Walk(root).Where(a => a.Activity.GetString("id") == activityId).Select(a => a.NodeId).FirstOrDefault()
            : null;
}
