using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Workflows.Tests.Support;

public static class Samples
{
    public static readonly string[] Files =
    [
        "cron-every-hour.json", "execute-workflow-child.json", "execute-workflow-parent.json", "fork-decision-join-waitall.json",
        "fork.json", "legacy-delay-decision.json", "parallel-join.json", "timer-workflow.json",
    ];

    public static string Text(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file));

    public static JsonObject Load(string file) => WorkflowDefinitionJson.Parse(Text(file));
}
