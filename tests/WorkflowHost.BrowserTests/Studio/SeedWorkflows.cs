using System.Text.Json.Nodes;
using WorkflowHost.Infrastructure.Configuration;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>
/// The checkout's Elsa workflows (top-level <c>workflows/*.json</c>; the plan templates live in <c>workflows/plans/</c>),
/// which the host imports and publishes at start-up. Tests read the files to know what Studio must show.
/// </summary>
public static class SeedWorkflows
{
    public const string Plan002FileName = "plan-002.json";

    public static string Directory => Path.Combine(RepositoryRoot.Locate(null), "workflows");

    public static IReadOnlyList<SeedWorkflow> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];

    public static SeedWorkflow? Plan002() => All().FirstOrDefault(w => w.FileName == Plan002FileName);

    /// <summary>The seed with the most activities in its tree (what the designer has to lay out).</summary>
    public static SeedWorkflow? Largest() => All().MaxBy(w => w.ActivityCount);

    public static SeedWorkflow Read(string path) =>
        new(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path).TrimStart('\uFEFF'))!.AsObject());
}

public sealed record SeedWorkflow(string FileName, JsonObject Model)
{
    public string Name => Model["name"]!.GetValue<string>();

    public string? DefinitionId => Model["definitionId"]?.GetValue<string>();

    /// <summary>The activities on the root canvas (the nodes the designer draws first).</summary>
    public IReadOnlyList<JsonObject> RootActivities => Model["root"]?["activities"]?.AsArray().OfType<JsonObject>().ToList() ?? [];

    public int ActivityCount => CountActivities(Model["root"]);

    /// <summary>
    /// What each root node shows: the activity's <c>metadata.displayText</c>, else its name, else its descriptor's
    /// display name (looked up in <paramref name="displayNames"/> by type).
    /// </summary>
    public IReadOnlyList<string> NodeLabels(IReadOnlyDictionary<string, string> displayNames) =>
        RootActivities.Select(a => a["metadata"]?["displayText"]?.GetValue<string>() ?? a["name"]?.GetValue<string>()
                                   ?? displayNames[a["type"]!.GetValue<string>()]).ToList();

    private static int CountActivities(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"] is JsonValue && obj["id"] is JsonValue ? 1 : 0)
                          + obj.Where(p => p.Key is not ("metadata" or "customProperties")).Sum(p => CountActivities(p.Value)),
        JsonArray array => array.Sum(CountActivities),
        _ => 0,
    };
}
