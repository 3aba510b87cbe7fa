using WorkflowHost.Workflows.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// The two JSON shapes of a stored definition version (ELSA-API §4.2): the full WorkflowDefinition (editor, viewer,
/// save/publish answers) and the WorkflowDefinitionSummary (list rows), each with the caller's links.
/// </summary>
public static class WorkflowDefinitionShapes
{
    private static readonly string[] Collections = ["variables", "inputs", "outputs", "outcomes"];
    private static readonly string[] Objects = ["customProperties", "options"];

    public static JsonObject Full(WorkflowDefinitionVersion version, ElsaCaller caller)
    {
        // Unknown activity types become Elsa.NotFoundActivity placeholders so Studio can draw the rest; saving restores them.
        var model = NotFoundActivities.Substitute(version.WithSyncedModel().Model, caller.Activities);
        model.Remove("$schema");
        model.Remove("links");
        // Studio sends explicit nulls for new workflows and iterates these: answer empty collections, never null.
        foreach (var name in Collections)
            if (model[name] is not JsonArray) model[name] = new JsonArray();
        foreach (var name in Objects)
            if (model[name] is not JsonObject) model[name] = new JsonObject();
        foreach (var name in model.Where(p => p.Value is null).Select(p => p.Key).ToList())
            model.Remove(name);
        model["isReadonly"] = version.IsReadonly;
        model["isSystem"] = version.IsSystem;
        model["links"] = Links(caller, version);
        return model;
    }

    public static JsonObject Summary(WorkflowDefinitionVersion version, ElsaCaller caller)
    {
        var summary = new JsonObject
        {
            ["id"] = version.Id,
            ["definitionId"] = version.DefinitionId,
            ["version"] = version.Version,
            ["toolVersion"] = version.ToolVersion ?? "3.8.0.0",
            ["isLatest"] = version.IsLatest,
            ["isPublished"] = version.IsPublished,
            ["materializerName"] = "Json",
            ["isMaterializerAvailable"] = true,
            ["createdAt"] = JsonValues.ToJson(version.CreatedAt),
            ["isReadonly"] = version.IsReadonly,
            ["links"] = Links(caller, version),
        };
        if (version.Name is not null) summary["name"] = version.Name;
        if (version.Description is not null) summary["description"] = version.Description;
        return summary;
    }

    /// <summary>Elsa's save/publish answer: Studio replaces its in-memory definition with <c>workflowDefinition</c>.</summary>
    public static JsonObject SaveResponse(WorkflowDefinitionVersion version, ElsaCaller caller, bool alreadyPublished) => new()
    {
        ["workflowDefinition"] = Full(version, caller),
        ["alreadyPublished"] = alreadyPublished,
        ["consumingWorkflowCount"] = 0,
        ["validationErrors"] = new JsonArray(),
    };

    private static JsonArray Links(ElsaCaller caller, WorkflowDefinitionVersion version) =>
        (JsonArray)JsonSerializer.SerializeToNode(ElsaLink.ForDefinition(caller, version.DefinitionId, version.Id), ElsaJson.Options)!;
}
