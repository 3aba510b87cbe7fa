using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities.Primitives;
using WorkflowHost.Workflows.Descriptors;

namespace WorkflowHost.Workflows.Serialization;

/// <summary>
/// Elsa's treatment of unknown activity types, for the designer: <see cref="Substitute"/> replaces each activity whose
/// type is not registered by an <c>Elsa.NotFoundActivity</c> (same id, name, designer metadata and custom properties;
/// <c>missingTypeName</c>, <c>missingTypeVersion</c>, <c>originalActivityJson</c>), so Studio can show the definition;
/// <see cref="Restore"/> puts the originals back (keeping the placeholder's designer metadata, e.g. a moved position),
/// which saving does, so a definition never stores the placeholder in place of the real activity.
/// </summary>
public static class NotFoundActivities
{
    public static JsonObject Substitute(JsonObject model, ActivityRegistry registry)
    {
        var result = (JsonObject)model.DeepClone();
        if (result["root"] is JsonObject root) Replace(root, activity =>
        {
            var type = activity.GetStringOrEmpty("type");
            var version = VersionOf(activity);
            if (registry.Find(type, version) is not null) return null;
            var placeholder = new JsonObject
            {
                ["id"] = activity["id"]?.DeepClone(),
                ["nodeId"] = activity["nodeId"]?.DeepClone(),
                ["name"] = activity["name"]?.DeepClone(),
                ["type"] = NotFoundActivity.TypeName,
                ["version"] = 1,
                ["customProperties"] = activity["customProperties"]?.DeepClone() ?? new JsonObject(),
                ["metadata"] = activity["metadata"]?.DeepClone() ?? new JsonObject(),
                ["missingTypeName"] = type,
                ["missingTypeVersion"] = version,
                ["originalActivityJson"] = activity.ToJsonString(),
            };
            return placeholder;
        });
        return result;
    }

    public static JsonObject Restore(JsonObject model)
    {
        var result = (JsonObject)model.DeepClone();
        if (result["root"] is JsonObject root) Replace(root, activity =>
        {
            if (activity.GetStringOrEmpty("type") != NotFoundActivity.TypeName
                || activity["originalActivityJson"] is not JsonValue json || !json.TryGetValue<string>(out var text)
                || JsonNode.Parse(text) is not JsonObject original) return null;
            // The placeholder's designer metadata wins (it may have been moved); an empty one added for the designer does not.
            if (activity["metadata"] is JsonObject metadata && (metadata.Count > 0 || original.ContainsKey("metadata")))
                original["metadata"] = metadata.DeepClone();
            return original;
        });
        return result;
    }

    private static int VersionOf(JsonObject activity) => activity["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;

    /// <summary>Depth-first; a replaced activity's children are not visited (they travel inside the original).</summary>
    private static void Replace(JsonObject activity, Func<JsonObject, JsonObject?> replacement)
    {
        foreach (var (name, value) in activity.ToList())
        {
            if (name is "customProperties" or "metadata" or "connections" or "variables") continue;
            if (ActivityJson.IsActivity(value))
            {
                if (replacement((JsonObject)value!) is { } replaced) activity[name] = replaced;
                else Replace((JsonObject)value!, replacement);
            }
            else if (value is JsonArray array)
                for (var i = 0; i < array.Count; i++)
                    if (ActivityJson.IsActivity(array[i]))
                    {
                        if (replacement((JsonObject)array[i]!) is { } replaced) array[i] = replaced;
                        else Replace((JsonObject)array[i]!, replacement);
                    }
        }
    }
}
