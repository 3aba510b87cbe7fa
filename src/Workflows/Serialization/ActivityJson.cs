using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Serialization;

/// <summary>How activity JSON is recognised and walked (the same rule Studio's graph walker uses).</summary>
public static class ActivityJson
{
    /// <summary>The workflow itself is the implicit root <c>Elsa.Workflow</c> with id <c>Workflow1</c> (§6.4).</summary>
    public const string WorkflowNodeId = "Workflow1";

    /// <summary>An object is an activity when it has a string <c>type</c> and an <c>id</c> or a <c>version</c>.</summary>
    public static bool IsActivity(JsonNode? node) =>
        node is JsonObject obj && obj["type"] is JsonValue type && type.TryGetValue<string>(out _)
        && (obj.ContainsKey("version") || obj.ContainsKey("id"));

    /// <summary>The child activities held directly by an activity: (JSON property name, child) in document order.</summary>
    public static IEnumerable<(string Property, JsonObject Child)> Children(JsonObject activity)
    {
        foreach (var (name, value) in activity)
        {
            if (name is "customProperties" or "metadata" or "connections" or "variables") continue;
            if (IsActivity(value)) yield return (name, (JsonObject)value!);
            else if (value is JsonArray array)
                foreach (var item in array)
                    if (IsActivity(item)) yield return (name, (JsonObject)item!);
        }
    }

    /// <summary>Depth-first walk: every activity with its computed nodeId.</summary>
    public static IEnumerable<(JsonObject Activity, string NodeId, string ParentNodeId)> Walk(JsonObject root)
    {
        var stack = new Stack<(JsonObject, string)>();
        stack.Push((root, WorkflowNodeId));
        while (stack.Count > 0)
        {
            var (activity, parentNodeId) = stack.Pop();
            var nodeId = $"{parentNodeId}:{activity.GetStringOrEmpty("id")}";
            yield return (activity, nodeId, parentNodeId);
            foreach (var (_, child) in Children(activity).Reverse()) stack.Push((child, nodeId));
        }
    }

    public static string GetStringOrEmpty(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>"TimeSpan" → "time-span" (used in generated memory reference ids).</summary>
    public static string Kebab(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
