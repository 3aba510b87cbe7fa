using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Definitions;

/// <summary>
/// One stored version of a workflow definition: indexed columns plus the full Elsa JSON model, kept losslessly.
/// The model's own <c>id</c>, <c>definitionId</c>, <c>version</c>, <c>isLatest</c>, <c>isPublished</c>,
/// <c>createdAt</c> are kept equal to the columns by <see cref="WorkflowDefinitionService"/>.
/// </summary>
public sealed record WorkflowDefinitionVersion
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required int Version { get; init; }
    public bool IsLatest { get; init; }
    public bool IsPublished { get; init; }
    public bool IsSystem { get; init; }
    public bool IsReadonly { get; init; }
    public string? ToolVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The normalised definition JSON (§6.1). Treat as immutable; copy before changing.</summary>
    public required JsonObject Model { get; init; }

    /// <summary>Copies the columns into the JSON model so the two never disagree.</summary>
    public WorkflowDefinitionVersion WithSyncedModel()
    {
        var model = (JsonObject)Model.DeepClone();
        model["id"] = Id;
        model["definitionId"] = DefinitionId;
        model["version"] = Version;
        model["isLatest"] = IsLatest;
        model["isPublished"] = IsPublished;
        // Keep the stored text when it already denotes this instant (lossless round-trip of imported files).
        if (!(model["createdAt"] is JsonValue c && c.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, out var parsed) && parsed == CreatedAt))
            model["createdAt"] = JsonValues.ToJson(CreatedAt);
        return this with { Model = model };
    }
}
