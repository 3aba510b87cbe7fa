using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Looping;

/// <summary>Turns an Items value into a list: a JSON array, or a JSON text of one, or a single value.</summary>
internal static class LoopItems
{
    public static IReadOnlyList<JsonNode?> From(JsonNode? items) => items switch
    {
        null => [],
        JsonArray array => array.Select(i => i?.DeepClone()).ToList(),
        JsonValue v when v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('[') => From(JsonNode.Parse(text)),
        var single => [single.DeepClone()]
    };

    public static JsonObject Variables(JsonNode? value, int index) => new() { ["CurrentValue"] = value?.DeepClone(), ["CurrentIndex"] = index };
}

/// <summary>Elsa.ForEach: runs <c>body</c> once per item, one after another, with local variables CurrentValue/CurrentIndex.</summary>
[Activity("Elsa", "Looping", "Iterate over a set of values.", DisplayName = "For Each")]
public sealed class ForEach : Activity, ILoopActivity
{
    [Input(Description = "The set of values to iterate.", TypeName = "Object")]
    public Input<JsonNode> Items { get; } = new();

    public EmbeddedPort Body { get; } = new();

    [Output(Description = "The current value of the iteration.", TypeName = "Object")]
    public Output<JsonNode> CurrentValue { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        Next(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        Next(context, int.Parse(child.Tag!) + 1);
        return ValueTask.CompletedTask;
    }

    private void Next(ActivityExecutionContext context, int index)
    {
        var items = LoopItems.From(context.Get(Items));
        var body = context.GetChildren(Body).FirstOrDefault();
        if (index >= items.Count || body is null)
        {
            context.Complete();
            return;
        }
        context.Set(CurrentValue, items[index]);
        context.ScheduleChild(body, LoopItems.Variables(items[index], index), index.ToString());
    }
}

/// <summary>
/// Elsa.ParallelForEach (§7.6): schedules one <c>body</c> per item at once (interleaved on the instance's single
/// loop), each with local variables CurrentValue/CurrentIndex; completes when all bodies completed; zero items → at once.
/// </summary>
[Activity("Elsa", "Looping", "Iterate over a set of values in parallel.", DisplayName = "Parallel For Each")]
public sealed class ParallelForEach : Activity
{
    [Input(Description = "The set of values to iterate.", TypeName = "Object")]
    public Input<JsonNode> Items { get; } = new();

    public EmbeddedPort Body { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = LoopItems.From(context.Get(Items));
        var body = context.GetChildren(Body).FirstOrDefault();
        if (items.Count == 0 || body is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        for (var i = 0; i < items.Count; i++) context.ScheduleChild(body, LoopItems.Variables(items[i], i), i.ToString());
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        if (context.ActiveChildren.Count == 0) context.Complete();
        return ValueTask.CompletedTask;
    }
}
