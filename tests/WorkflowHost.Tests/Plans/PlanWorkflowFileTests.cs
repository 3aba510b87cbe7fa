using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.DependencyInjection;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Tests.Plans;

/// <summary>
/// Every Elsa definition in the repository's <c>workflows/</c>: valid for the engine with the chain activities,
/// every activity named in Vietnamese, and a layout Studio shows without overlapping nodes.
/// </summary>
public sealed class PlanWorkflowFileTests
{
    private const double DefaultWidth = 200, DefaultHeight = 60;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Locate(null), "workflows"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static JsonObject Read(string file) =>
        WorkflowDefinitionJson.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Locate(null), "workflows", file)));

    private static IEnumerable<JsonObject> Activities(JsonObject model) =>
        model["root"]!["activities"]!.AsArray().Select(a => a!.AsObject());

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_validates_without_errors(string file)
    {
        using var services = new ServiceCollection().AddLogging()
            .AddWorkflowEngine(e => { e.UseInMemoryStores = true; e.AddActivitiesFrom(typeof(ChainActivity).Assembly); })
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var errors = scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>().Validate(Read(file));
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_workflow_and_every_activity_have_Vietnamese_names(string file)
    {
        var model = Read(file);
        Assert.True(IsVietnamese(model["name"]?.GetValue<string>()), $"{file}: workflow name \"{model["name"]}\"");
        foreach (var activity in Activities(model))
        {
            var name = activity["name"]?.GetValue<string>();
            Assert.True(IsVietnamese(name), $"{file}: activity '{activity["id"]}' is named \"{name}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_two_nodes_overlap(string file)
    {
        var nodes = Activities(Read(file)).Select(a => (Id: a["id"]!.GetValue<string>(), Rect: RectOf(a))).ToList();
        Assert.All(nodes, n => Assert.True(n.Rect.HasPosition, $"{file}: activity '{n.Id}' has no designer position"));
        for (var i = 0; i < nodes.Count; i++)
        for (var j = i + 1; j < nodes.Count; j++)
            Assert.False(nodes[i].Rect.Overlaps(nodes[j].Rect), $"{file}: '{nodes[i].Id}' overlaps '{nodes[j].Id}'");
    }

    /// <summary>Vietnamese text here: letters with at least one Vietnamese diacritic or đ, not an Elsa default like "FlowFork1".</summary>
    private static bool IsVietnamese(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Any(c => c > 127 && char.IsLetter(c));

    private static Rect RectOf(JsonObject activity)
    {
        var designer = activity["metadata"]?["designer"];
        var position = designer?["position"];
        if (position is null) return new Rect(false, 0, 0, 0, 0);
        var size = designer!["size"];
        return new Rect(true, position["x"]!.GetValue<double>(), position["y"]!.GetValue<double>(),
            size?["width"]?.GetValue<double>() ?? DefaultWidth, size?["height"]?.GetValue<double>() ?? DefaultHeight);
    }

    private readonly record struct Rect(bool HasPosition, double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Rect other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }
}
