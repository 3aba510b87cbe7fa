using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Serialization;

/// <summary>
/// Reads and normalises Elsa 3 definition JSON (<c>WorkflowDefinitionModel</c>, ELSA-API §6). The JSON object is the
/// source of truth and is kept as is; normalisation only applies the identity rules of §6.4 and converts the legacy
/// connection form, so unknown properties survive import → save → export.
/// <para>Engine-owned fields (changed by normalisation, see <see cref="EngineOwnedFields"/>): activity <c>id</c> when
/// missing, every <c>nodeId</c>, wrapped inputs' missing <c>memoryReference</c> and <c>typeName</c>, container
/// variables' missing ids, and flowchart <c>connections</c> (legacy flat items become the nested form).</para>
/// </summary>
public sealed class WorkflowDefinitionJson(ActivityRegistry registry)
{
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>Property names the engine owns in activity JSON (used by the round-trip comparison).</summary>
    public static readonly IReadOnlySet<string> EngineOwnedFields = new HashSet<string> { "nodeId", "memoryReference", "connections" };

    /// <summary>Parses definition JSON; tolerates a UTF-8 BOM. Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static JsonObject Parse(string json)
    {
        var node = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return node as JsonObject ?? throw new JsonException("A workflow definition must be a JSON object.");
    }

    /// <summary>Returns a normalised copy of a definition model (the input is not modified).</summary>
    public JsonObject Normalize(JsonObject model)
    {
        var result = (JsonObject)model.DeepClone();
        if (result["root"] is not JsonObject root)
        {
            root = new JsonObject { ["type"] = "Elsa.Sequence", ["version"] = 1, ["activities"] = new JsonArray() };
            result["root"] = root;
        }
        AssignMissingIds(root);
        foreach (var (activity, nodeId, _) in ActivityJson.Walk(root))
        {
            activity["nodeId"] = nodeId;
            ConvertLegacyConnections(activity);
            BindMemoryReferences(activity);
            AssignContainerVariableIds(activity);
        }
        if (result["variables"] is JsonArray variables)
            foreach (var variable in variables.OfType<JsonObject>())
                if (string.IsNullOrEmpty(variable.GetString("id"))) variable["id"] = Ids.New();
        return result;
    }

    private static void AssignMissingIds(JsonObject root)
    {
        var all = new List<JsonObject>();
        var stack = new Stack<JsonObject>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var activity = stack.Pop();
            all.Add(activity);
            foreach (var (_, child) in ActivityJson.Children(activity)) stack.Push(child);
        }
        var used = all.Select(a => a.GetString("id")).Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var activity in all.Where(a => string.IsNullOrEmpty(a.GetString("id"))))
        {
            var type = activity.GetStringOrEmpty("type");
            var shortName = type[(type.LastIndexOf('.') + 1)..];
            var n = 1;
            while (used.Contains($"{shortName}{n}")) n++;
            var id = $"{shortName}{n}";
            used.Add(id);
            activity["id"] = id;
        }
    }

    /// <summary>
    /// Converts legacy/variant connection forms to the nested form Studio understands:
    /// flat <c>{source,target,sourcePort,targetPort}</c>, PascalCase names, a single object or <c>{"$values":[…]}</c>.
    /// </summary>
    private static void ConvertLegacyConnections(JsonObject activity)
    {
        if (!activity.TryGetPropertyValue("connections", out var connections) || connections is null) return;
        var items = connections switch
        {
            JsonArray array => array.ToList(),
            JsonObject obj when obj["$values"] is JsonArray values => values.ToList(),
            JsonObject single => [single],
            _ => []
        };
        var converted = new JsonArray();
        foreach (var item in items.OfType<JsonObject>())
        {
            var copy = (JsonObject)item.DeepClone();
            var source = Endpoint(Take(copy, "source", "Source"), Take(copy, "sourcePort", "SourcePort"), "Done");
            var target = Endpoint(Take(copy, "target", "Target"), Take(copy, "targetPort", "TargetPort"), "In");
            var nested = new JsonObject { ["source"] = source, ["target"] = target };
            foreach (var (name, value) in copy.ToList())
            {
                copy.Remove(name);
                nested[name == "Vertices" ? "vertices" : name] = value;
            }
            converted.Add(nested);
        }
        if (connections is JsonArray original && JsonNode.DeepEquals(original, converted)) return;
        activity["connections"] = converted;
    }

    private static JsonNode? Take(JsonObject obj, string camel, string pascal)
    {
        var name = obj.ContainsKey(camel) ? camel : pascal;
        if (!obj.TryGetPropertyValue(name, out var value)) return null;
        obj.Remove(name);
        return value;
    }

    private static JsonObject Endpoint(JsonNode? endpoint, JsonNode? legacyPort, string defaultPort)
    {
        if (endpoint is JsonObject obj)
        {
            var activity = obj["activity"] ?? obj["Activity"];
            var port = obj["port"] ?? obj["Port"];
            var result = new JsonObject { ["activity"] = activity?.DeepClone(), ["port"] = port?.DeepClone() ?? defaultPort };
            foreach (var (name, value) in obj)
                if (name is not ("activity" or "Activity" or "port" or "Port")) result[name] = value?.DeepClone();
            return result;
        }
        return new JsonObject { ["activity"] = endpoint?.DeepClone(), ["port"] = legacyPort?.DeepClone() ?? defaultPort };
    }

    /// <summary>Wrapped inputs get a memory reference id and their typeName from the descriptor when missing (§5.3, §6.4).</summary>
    private void BindMemoryReferences(JsonObject activity)
    {
        var registration = registry.Find(activity.GetStringOrEmpty("type"), activity["version"] is JsonValue v && v.TryGetValue<int>(out var ver) ? ver : 1);
        if (registration is null) return;
        var id = activity.GetStringOrEmpty("id");
        foreach (var input in registration.Descriptor.Inputs.Where(i => i.IsWrapped))
        {
            if (activity[ActivityJson.Camel(input.Name)] is not JsonObject wrapped || !wrapped.ContainsKey("expression")) continue;
            if (wrapped["typeName"] is null) wrapped["typeName"] = input.TypeName;
            if (wrapped["memoryReference"] is not JsonObject reference || string.IsNullOrEmpty(reference.GetString("id")))
                wrapped["memoryReference"] = new JsonObject { ["id"] = $"{id}:input-{ActivityJson.Kebab(input.Name)}" };
        }
        foreach (var output in registration.Descriptor.Outputs)
        {
            if (activity[ActivityJson.Camel(output.Name)] is not JsonObject bound) continue;
            if (bound["memoryReference"] is not JsonObject reference || string.IsNullOrEmpty(reference.GetString("id")))
                bound["memoryReference"] = new JsonObject { ["id"] = $"{id}:output-{ActivityJson.Kebab(output.Name)}" };
        }
    }

    private static void AssignContainerVariableIds(JsonObject activity)
    {
        if (activity["variables"] is not JsonArray variables) return;
        var id = activity.GetStringOrEmpty("id");
        var n = 0;
        foreach (var variable in variables.OfType<JsonObject>())
        {
            n++;
            if (string.IsNullOrEmpty(variable.GetString("id"))) variable["id"] = $"{id}:variable-{n}";
        }
    }
}
