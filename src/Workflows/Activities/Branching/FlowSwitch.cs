using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Branching;

public enum SwitchMode { MatchFirst, MatchAny }

/// <summary>
/// Elsa.FlowSwitch: evaluates each case's condition; outcome = the first matching label (MatchFirst) or all matching
/// labels (MatchAny), else <c>Default</c>. Cases are raw JSON: <c>[{"label":"A","condition":{"type":"JavaScript","value":"…"}}]</c>.
/// </summary>
[Activity("Elsa", "Branching", "Evaluate a set of case conditions and schedule the activity for a matching case.", DisplayName = "Switch (flow)")]
[FlowNode("Default")]
public sealed class FlowSwitch : Activity
{
    [Input(Description = "The cases to evaluate.", UIHint = "flow-switch-editor", IsWrapped = false, TypeName = "FlowSwitchCase[]")]
    public Input<JsonNode> Cases { get; } = new();

    [Input(Description = "MatchFirst: the first matching case; MatchAny: every matching case.", DefaultValue = SwitchMode.MatchFirst)]
    public Input<SwitchMode> Mode { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matches = new List<string>();
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        foreach (var item in (context.GetRaw(Cases) as JsonArray ?? []).OfType<JsonObject>())
        {
            var label = item.GetString("label") ?? "";
            if (!Matches(context, item["condition"])) continue;
            matches.Add(label);
            if (!matchAny) break;
        }
        context.Complete(matches.Count == 0 ? ["Default"] : matches.ToArray());
        return ValueTask.CompletedTask;
    }

    private static bool Matches(ActivityExecutionContext context, JsonNode? condition) => condition switch
    {
        JsonObject { } expression when expression.GetString("type") is { } type =>
            context.Evaluate<bool>(new Expression(type, expression["value"])),
        JsonValue value => JsonValues.ConvertTo<bool>(value),
        _ => false
    };
}
