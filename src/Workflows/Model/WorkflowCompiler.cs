using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Compiles a normalised definition model into an immutable <see cref="CompiledWorkflow"/>. Unknown activity types
/// compile to nodes without a registration (validation reports them; running one faults that activity).
/// </summary>
public sealed class WorkflowCompiler(ActivityRegistry registry)
{
    public CompiledWorkflow Compile(JsonObject model)
    {
        var root = (JsonObject)model["root"]!;
        var byNodeId = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        var byId = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        var variables = ReadVariables(model["variables"] as JsonArray).ToList();
        var workflowLogPersistence = LogPersistencePolicy.Resolve(model["customProperties"] as JsonObject, LogPersistencePolicy.IncludeAll);
        var rootNode = CompileActivity(root, ActivityJson.WorkflowNodeId, byNodeId, byId, variables, workflowLogPersistence);
        return new CompiledWorkflow
        {
            VersionId = model.GetString("id") ?? "",
            DefinitionId = model.GetString("definitionId") ?? "",
            Version = model["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            Name = model.GetString("name"),
            Root = rootNode,
            NodesByNodeId = byNodeId,
            NodesById = byId,
            Variables = variables,
            Model = model,
            IncidentStrategyType = (model["options"] as JsonObject)?.GetString("incidentStrategyType"),
        };
    }

    private ActivityNode CompileActivity(JsonObject json, string parentNodeId, Dictionary<string, ActivityNode> byNodeId,
        Dictionary<string, ActivityNode> byId, List<VariableDefinition> variables, LogPersistencePolicy parentLogPersistence)
    {
        var id = json.GetStringOrEmpty("id");
        var type = json.GetStringOrEmpty("type");
        var version = json["version"] is JsonValue v && v.TryGetValue<int>(out var ver) ? ver : 1;
        var registration = registry.Find(type, version);
        var nodeId = $"{parentNodeId}:{id}";
        var node = new ActivityNode
        {
            Id = id,
            NodeId = nodeId,
            Type = type,
            Version = version,
            Name = json.GetString("name"),
            Json = json,
            Registration = registration,
            Inputs = BindInputs(json, registration),
            OutputTargets = BindOutputs(json, registration),
            CanStartWorkflow = (json["customProperties"] as JsonObject).GetBool("canStartWorkflow") || json.GetBool("canStartWorkflow"),
            LogPersistence = LogPersistencePolicy.Resolve(json["customProperties"] as JsonObject, parentLogPersistence),
        };
        byNodeId[nodeId] = node;
        byId.TryAdd(id, node);
        variables.AddRange(ReadVariables(json["variables"] as JsonArray));

        var ports = new Dictionary<string, List<ActivityNode>>(StringComparer.Ordinal);
        foreach (var (property, child) in ActivityJson.Children(json))
        {
            var childNode = CompileActivity(child, nodeId, byNodeId, byId, variables, node.LogPersistence);
            childNode.Parent = node;
            if (!ports.TryGetValue(property, out var list)) ports[property] = list = [];
            list.Add(childNode);
        }
        node.Ports = ports.ToDictionary(p => p.Key, p => (IReadOnlyList<ActivityNode>)p.Value, StringComparer.Ordinal);
        if (type == "Elsa.Flowchart") node.Flowchart = CompileFlowchart(json, ports.GetValueOrDefault("activities") ?? []);
        return node;
    }

    private static FlowchartGraph CompileFlowchart(JsonObject json, IReadOnlyList<ActivityNode> activities)
    {
        var connections = new List<FlowConnection>();
        if (json["connections"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                if (item["source"] is not JsonObject source || item["target"] is not JsonObject target) continue;
                connections.Add(new FlowConnection(connections.Count,
                    source.GetStringOrEmpty("activity"), source.GetString("port") ?? "Done",
                    target.GetStringOrEmpty("activity"), target.GetString("port") ?? "In"));
            }
        }
        return new FlowchartGraph
        {
            Activities = activities,
            Connections = connections,
            Outbound = connections.ToLookup(c => c.SourceId),
            Inbound = connections.ToLookup(c => c.TargetId),
            DeclaredStartId = json.GetString("start"),
        };
    }

    private static Dictionary<string, InputBinding> BindInputs(JsonObject json, ActivityRegistration? registration)
    {
        var inputs = new Dictionary<string, InputBinding>(StringComparer.Ordinal);
        if (registration is null) return inputs;
        foreach (var descriptor in registration.Descriptor.Inputs)
        {
            var raw = json[ActivityJson.Camel(descriptor.Name)];
            Expression? expression = null;
            if (descriptor.IsWrapped && raw is JsonObject wrapped && wrapped["expression"] is JsonObject expr && expr.GetString("type") is { } exprType)
                expression = new Expression(exprType, expr["value"]?.DeepClone());
            inputs[descriptor.Name] = new InputBinding(descriptor, expression, descriptor.IsWrapped ? null : raw?.DeepClone());
        }
        return inputs;
    }

    private static Dictionary<string, string> BindOutputs(JsonObject json, ActivityRegistration? registration)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (registration is null) return outputs;
        foreach (var descriptor in registration.Descriptor.Outputs)
            if (json[ActivityJson.Camel(descriptor.Name)] is JsonObject bound && bound["memoryReference"] is JsonObject reference
                && reference.GetString("id") is { Length: > 0 } target)
                outputs[descriptor.Name] = target;
        return outputs;
    }

    private static IEnumerable<VariableDefinition> ReadVariables(JsonArray? array)
    {
        if (array is null) yield break;
        foreach (var item in array.OfType<JsonObject>())
        {
            var id = item.GetString("id");
            var name = item.GetString("name");
            if (id is null && name is null) continue;
            var value = item["value"] switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                null => null,
                var other => other.ToJsonString()
            };
            yield return new VariableDefinition(id ?? name!, name ?? id!, item.GetString("typeName") ?? "Object", item.GetBool("isArray"), value);
        }
    }
}
