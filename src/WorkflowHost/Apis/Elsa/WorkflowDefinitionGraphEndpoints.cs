using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// The activity tree of one definition version, for Studio's drill-down into containers (ELSA-API §4.2 subgraph):
/// <c>subgraph/{id}?parentNodeId=</c> answers one node with its activity JSON (children inline), and
/// <c>subgraph/segments/{id}?childNodeId=</c> the path of containers (other than flowcharts) from the root down to a node.
/// </summary>
public static class WorkflowDefinitionGraphEndpoints
{
    public static RouteGroupBuilder MapWorkflowDefinitionGraphEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow-definitions/subgraph/{id}", SubgraphAsync);
        api.MapGet("/workflow-definitions/subgraph/segments/{id}", SegmentsAsync);
        return api;
    }

    /// <summary>Without <c>parentNodeId</c> the root activity (as Elsa answers its workflow root).</summary>
    private static async Task<IResult> SubgraphAsync(string id, HttpContext context, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        var parentNodeId = new ElsaQuery(context.Request.Query).String("parentNodeId");
        if (await LoadAsync(id, definitions, ct) is not { } graph) return VersionNotFound(id);
        if (parentNodeId is null) return ElsaJson.Ok(Node(graph.Root));
        return graph.Find(parentNodeId) is { } node
            ? ElsaJson.Ok(Node(node))
            : ElsaJson.NotFound($"Workflow definition version '{id}' has no activity with node id '{parentNodeId}'.");
    }

    /// <summary>
    /// <c>{childNode, container, pathSegments}</c>: the segments are the containers between the root and the node,
    /// outermost first, each with the port (embedded property) leading down; flowcharts are not segments (Studio shows
    /// their children on the same canvas). The container is the innermost segment's activity, else the root.
    /// </summary>
    private static async Task<IResult> SegmentsAsync(string id, HttpContext context, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        if (new ElsaQuery(context.Request.Query).String("childNodeId") is not { } childNodeId)
            return ElsaJson.BadRequest("childNodeId", "The child node id is required.");
        if (await LoadAsync(id, definitions, ct) is not { } graph) return VersionNotFound(id);
        if (graph.Find(childNodeId) is not { } child)
            return ElsaJson.NotFound($"Workflow definition version '{id}' has no activity with node id '{childNodeId}'.");

        var segments = new List<(GraphNode Container, string Port)>();
        for (var (below, above) = (child, child.Parent); above is not null; (below, above) = (above, above.Parent))
            if (above.Activity.GetString("type") != "Elsa.Flowchart")
                segments.Insert(0, (above, below.Port!));
        var container = segments.Count > 0 ? segments[^1].Container : graph.Root;
        return ElsaJson.Ok(new JsonObject
        {
            ["childNode"] = Node(child),
            ["container"] = Node(container),
            ["pathSegments"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject
            {
                ["activityNodeId"] = s.Container.NodeId,
                ["activityId"] = s.Container.Activity.GetStringOrEmpty("id"),
                ["activityType"] = s.Container.Activity.GetStringOrEmpty("type"),
                ["portName"] = s.Port,
                ["activityName"] = s.Container.Activity.GetString("name") ?? s.Container.Activity.GetStringOrEmpty("type"),
            })]),
        });
    }

    private static IResult VersionNotFound(string id) => ElsaJson.NotFound($"Workflow definition version '{id}' does not exist.");

    private static JsonObject Node(GraphNode node)
    {
        var json = new JsonObject { ["nodeId"] = node.NodeId, ["activity"] = node.Activity.DeepClone() };
        if (node.Port is not null) json["port"] = node.Port;
        return json;
    }

    private static async Task<DefinitionGraph?> LoadAsync(string versionId, IWorkflowDefinitionService definitions, CancellationToken ct) =>
        await definitions.GetByIdAsync(versionId, ct) is { } version && version.WithSyncedModel().Model["root"] is JsonObject root
            ? DefinitionGraph.Build(root)
            : null;

    /// <summary>An activity in the tree; <see cref="Port"/> is the parent's property holding it, PascalCase as Elsa names ports.</summary>
    private sealed record GraphNode(JsonObject Activity, string NodeId, string? Port, GraphNode? Parent);

    private sealed class DefinitionGraph
    {
        private readonly Dictionary<string, GraphNode> _byNodeId = new(StringComparer.Ordinal);

        private DefinitionGraph(GraphNode root) => Root = root;

        public GraphNode Root { get; }

        public GraphNode? Find(string nodeId) => _byNodeId.GetValueOrDefault(nodeId);

        /// <summary>Node ids as the engine computes them (<c>Workflow1:&lt;root&gt;:…</c>, ELSA-API §6.4).</summary>
        public static DefinitionGraph Build(JsonObject rootActivity)
        {
            var root = new GraphNode(rootActivity, $"{ActivityJson.WorkflowNodeId}:{rootActivity.GetStringOrEmpty("id")}", null, null);
            var graph = new DefinitionGraph(root);
            var pending = new Stack<GraphNode>([root]);
            while (pending.TryPop(out var node))
            {
                graph._byNodeId.TryAdd(node.NodeId, node);
                foreach (var (property, child) in ActivityJson.Children(node.Activity))
                    pending.Push(new GraphNode(child, $"{node.NodeId}:{child.GetStringOrEmpty("id")}",
                        char.ToUpperInvariant(property[0]) + property[1..], node));
            }
            return graph;
        }
    }
}
