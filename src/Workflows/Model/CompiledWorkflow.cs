using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Descriptors;

namespace WorkflowHost.Workflows.Model;

/// <summary>An expression as stored in an input: <c>{"type":"JavaScript","value":"…"}</c>.</summary>
public sealed record Expression(string Type, JsonNode? Value);

/// <summary>
/// One input of a compiled activity: the descriptor input plus what the JSON holds for it (an expression when the
/// input is wrapped, the raw JSON otherwise; both null when the JSON omits it → the descriptor default applies).
/// </summary>
public sealed record InputBinding(InputDescriptor Descriptor, Expression? Expression, JsonNode? Raw)
{
    public string Name => Descriptor.Name;
    public bool HasValue => Descriptor.IsWrapped ? Expression is not null : Raw is not null;
}

/// <summary>A workflow or container variable: <c>{"id","name","typeName","isArray","value"}</c>.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, string? Value);

/// <summary>A flowchart connection, resolved from the nested JSON form.</summary>
public sealed record FlowConnection(int Index, string SourceId, string SourcePort, string TargetId, string TargetPort);

/// <summary>
/// An activity of a definition version, compiled once: identity, the registration (null if the type is unknown),
/// bound inputs and output memory references, embedded children by port and, for a flowchart, its graph.
/// Immutable and shared by every instance of the version.
/// </summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required string Type { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required JsonObject Json { get; init; }
    public ActivityNode? Parent { get; internal set; }
    public ActivityRegistration? Registration { get; init; }
    public IReadOnlyDictionary<string, InputBinding> Inputs { get; init; } = new Dictionary<string, InputBinding>();
    /// <summary>Output name → memory reference id (a variable id when the output is bound to a variable).</summary>
    public IReadOnlyDictionary<string, string> OutputTargets { get; init; } = new Dictionary<string, string>();
    /// <summary>Embedded children by port name (PascalCase descriptor port name; Flowchart: "Activities").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ActivityNode>> Ports { get; internal set; } = new Dictionary<string, IReadOnlyList<ActivityNode>>();
    public FlowchartGraph? Flowchart { get; internal set; }
    public bool CanStartWorkflow { get; init; }
    /// <summary>What this activity's execution record keeps of its inputs and outputs.</summary>
    public LogPersistencePolicy LogPersistence { get; init; } = LogPersistencePolicy.IncludeAll;
    public string DisplayName => Name ?? Id;

    public override string ToString() => $"{Type} {Id}";
}

/// <summary>The graph of one flowchart: activities, connections by source and target, and its start activity (§7.2).</summary>
public sealed class FlowchartGraph
{
    public required IReadOnlyList<ActivityNode> Activities { get; init; }
    public required IReadOnlyList<FlowConnection> Connections { get; init; }
    public required ILookup<string, FlowConnection> Outbound { get; init; }
    public required ILookup<string, FlowConnection> Inbound { get; init; }
    /// <summary>The legacy root <c>start</c> property (id of the start activity), when present.</summary>
    public string? DeclaredStartId { get; init; }

    private readonly Lazy<IReadOnlySet<int>> _backward;

    public FlowchartGraph() => _backward = new Lazy<IReadOnlySet<int>>(FindBackwardConnections);

    public ActivityNode? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// Whether a connection loops back (Elsa's "backward connection"): walking the graph breadth-first from the start
    /// (and from every activity without inbound connections), a connection is backward when its target already
    /// reaches its source along the connections accepted so far. Backward connections do not count for a target's
    /// join — a loop target runs on its forward inbound connections and again each time a loop connection is followed.
    /// </summary>
    public bool IsBackward(FlowConnection connection) => _backward.Value.Contains(connection.Index);

    /// <summary>The inbound connections that decide when <paramref name="activityId"/> runs (loop connections excluded).</summary>
    public IEnumerable<FlowConnection> ForwardInbound(string activityId) => Inbound[activityId].Where(c => !IsBackward(c));

    private IReadOnlySet<int> FindBackwardConnections()
    {
        var backward = new HashSet<int>();
        var accepted = new Dictionary<string, List<string>>();
        var examined = new HashSet<int>();
        var queued = new HashSet<string>();
        var queue = new Queue<string>();
        var roots = new[] { FindStart(null) }.Concat(Activities.Where(a => !Inbound[a.Id].Any())).OfType<ActivityNode>();
        foreach (var root in roots)
        {
            if (queued.Add(root.Id)) queue.Enqueue(root.Id);
            while (queue.TryDequeue(out var sourceId))
                foreach (var connection in Outbound[sourceId])
                {
                    if (!examined.Add(connection.Index)) continue;
                    if (Reaches(accepted, connection.TargetId, sourceId)) { backward.Add(connection.Index); continue; }
                    (accepted.TryGetValue(sourceId, out var targets) ? targets : accepted[sourceId] = []).Add(connection.TargetId);
                    if (queued.Add(connection.TargetId)) queue.Enqueue(connection.TargetId);
                }
        }
        return backward;
    }

    private static bool Reaches(Dictionary<string, List<string>> edges, string fromId, string toId)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([fromId]);
        while (stack.TryPop(out var id))
        {
            if (id == toId) return true;
            if (seen.Add(id) && edges.TryGetValue(id, out var next))
                foreach (var target in next) stack.Push(target);
        }
        return false;
    }

    /// <summary>
    /// Where the flowchart starts (§7.2): the trigger of this run → the declared start → the first Elsa.Start →
    /// the first activity with canStartWorkflow → the first activity without inbound connections → the first activity.
    /// </summary>
    public ActivityNode? FindStart(string? triggerActivityId)
    {
        if (triggerActivityId is not null && FindActivity(triggerActivityId) is { } trigger) return trigger;
        if (DeclaredStartId is not null && FindActivity(DeclaredStartId) is { } declared) return declared;
        return Activities.FirstOrDefault(a => a.Type == "Elsa.Start")
               ?? Activities.FirstOrDefault(a => a.CanStartWorkflow)
               ?? Activities.FirstOrDefault(a => !Inbound[a.Id].Any())
               ?? Activities.FirstOrDefault();
    }
}

/// <summary>
/// A definition version compiled for execution. Cached per version id (see <c>CompiledWorkflowCache</c>): the run
/// loop never reparses JSON.
/// </summary>
public sealed class CompiledWorkflow
{
    public required string VersionId { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required ActivityNode Root { get; init; }
    public required IReadOnlyDictionary<string, ActivityNode> NodesByNodeId { get; init; }
    public required IReadOnlyDictionary<string, ActivityNode> NodesById { get; init; }
    /// <summary>Workflow variables plus every container's variables (ids are unique per workflow).</summary>
    public required IReadOnlyList<VariableDefinition> Variables { get; init; }
    public required JsonObject Model { get; init; }
    public string? IncidentStrategyType { get; init; }

    /// <summary>Whether the definition asks to record incidents and continue (Elsa's ContinueWithIncidentsStrategy).</summary>
    public bool ContinueWithIncidents => IncidentStrategyType is { } type
        && type.Split(',')[0].Trim() == Runtime.IncidentStrategies.ContinueWithIncidents.Split(',')[0];

    public VariableDefinition? FindVariable(string idOrName) =>
        Variables.FirstOrDefault(v => v.Id == idOrName) ?? Variables.FirstOrDefault(v => v.Name == idOrName);
}
