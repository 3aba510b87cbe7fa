using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Workflows.Tests.Support;

/// <summary>
/// Structural comparison of an original definition file with its export, ignoring exactly the engine-owned fields:
/// <list type="bullet">
/// <item>definition level: <c>$schema</c> (added on export), <c>isLatest</c>/<c>isPublished</c> (an import is a draft);</item>
/// <item>activity level: <c>nodeId</c> (recomputed), <c>id</c> when the original had none, <c>memoryReference</c> and
/// <c>typeName</c> of wrapped inputs when the original had none;</item>
/// <item>flowchart <c>connections</c>: compared as (source, source port, target, target port) sets, so the legacy flat
/// form equals its nested conversion; other connection properties (vertices) must match when present.</item>
/// </list>
/// Every other property, known or unknown, must be present with an equal value.
/// </summary>
public static class JsonComparison
{
    private static readonly HashSet<string> DefinitionOwned = ["$schema", "isLatest", "isPublished"];
    private static readonly HashSet<string> AddedWhenMissing = ["nodeId", "memoryReference", "typeName", "id"];

    public static List<string> Differences(JsonObject original, JsonObject exported)
    {
        var differences = new List<string>();
        foreach (var name in original.Select(p => p.Key).Union(exported.Select(p => p.Key)))
        {
            if (DefinitionOwned.Contains(name)) continue;
            Compare($"$.{name}", original[name], exported[name], original.ContainsKey(name), exported.ContainsKey(name), differences);
        }
        return differences;
    }

    private static void Compare(string path, JsonNode? a, JsonNode? b, bool inA, bool inB, List<string> differences)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (name == "nodeId") return;
        if (!inA && inB && AddedWhenMissing.Contains(name)) return;
        if (inA != inB) { differences.Add($"{path}: {(inA ? "missing in export" : "added by export")}"); return; }
        if (name == "connections" && a is not null && b is not null)
        {
            if (!ConnectionSet(a).SetEquals(ConnectionSet(b))) differences.Add($"{path}: connections differ");
            return;
        }
        if (name == "typeName" && a is null) return;
        switch (a, b)
        {
            case (JsonObject oa, JsonObject ob):
                foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                    Compare($"{path}.{key}", oa[key], ob[key], oa.ContainsKey(key), ob.ContainsKey(key), differences);
                break;
            case (JsonArray xa, JsonArray xb):
                if (xa.Count != xb.Count) { differences.Add($"{path}: {xa.Count} items vs {xb.Count}"); break; }
                for (var i = 0; i < xa.Count; i++) Compare($"{path}[{i}]", xa[i], xb[i], true, true, differences);
                break;
            default:
                if (!JsonNode.DeepEquals(a, b)) differences.Add($"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}");
                break;
        }
    }

    private static HashSet<string> ConnectionSet(JsonNode connections) =>
        (connections as JsonArray ?? []).OfType<JsonObject>().Select(c =>
        {
            string End(string key, string legacyPort, string defaultPort) => c[key] switch
            {
                JsonObject e => $"{e["activity"]}:{e["port"] ?? defaultPort}",
                var v => $"{v}:{c[legacyPort]?.ToString() ?? defaultPort}"
            };
            var vertices = c["vertices"] is JsonArray vs && vs.Count > 0 ? vs.ToJsonString() : "";
            return $"{End("source", "sourcePort", "Done")}->{End("target", "targetPort", "In")}{vertices}";
        }).ToHashSet();
}
