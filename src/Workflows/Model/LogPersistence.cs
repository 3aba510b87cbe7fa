using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Model;

/// <summary>Elsa's log persistence modes: whether an input/output value is written to the activity execution record.</summary>
public enum LogPersistenceMode { Inherit, Include, Exclude }

/// <summary>
/// What an activity's execution record keeps of its inputs and outputs, resolved once per compiled node from Elsa's
/// custom properties on the workflow and the activity — both forms Elsa reads:
/// legacy <c>customProperties.logPersistenceMode = {"default":"Exclude","inputs":{"name":"Include"},"outputs":{…}}</c> and
/// <c>customProperties.logPersistenceConfig = {"default":{"evaluationMode":"Strategy","strategyType":"Elsa.Workflows.LogPersistence.Strategies.Exclude, Elsa.Workflows.Core"},"inputs":{…},"outputs":{…}}</c>.
/// Inherit takes the enclosing activity's default, then the workflow's, then Include. Expression-evaluated
/// strategies are not supported (they count as Inherit). Only the record is affected: the instance state keeps the
/// values the running activity needs.
/// </summary>
public sealed record LogPersistencePolicy(LogPersistenceMode Default, IReadOnlyDictionary<string, LogPersistenceMode> Inputs,
    IReadOnlyDictionary<string, LogPersistenceMode> Outputs)
{
    public static readonly LogPersistencePolicy IncludeAll = new(LogPersistenceMode.Include,
        new Dictionary<string, LogPersistenceMode>(), new Dictionary<string, LogPersistenceMode>());

    /// <summary>The policy declared by <paramref name="customProperties"/>, with Inherit resolved against <paramref name="parent"/>.</summary>
    public static LogPersistencePolicy Resolve(JsonObject? customProperties, LogPersistencePolicy parent)
    {
        var declared = Read(customProperties);
        if (declared is null) return parent with { Inputs = Empty, Outputs = Empty };
        var (defaultMode, inputs, outputs) = declared.Value;
        return new LogPersistencePolicy(defaultMode == LogPersistenceMode.Inherit ? parent.Default : defaultMode, inputs, outputs);
    }

    /// <summary>A copy of the values without the names this policy excludes.</summary>
    public JsonObject FilterInputs(JsonObject values) => Filter(values, Inputs);
    public JsonObject FilterOutputs(JsonObject values) => Filter(values, Outputs);

    private JsonObject Filter(JsonObject values, IReadOnlyDictionary<string, LogPersistenceMode> modes)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in values)
        {
            var mode = modes.TryGetValue(name, out var own) && own != LogPersistenceMode.Inherit ? own : Default;
            if (mode != LogPersistenceMode.Exclude) kept[name] = value?.DeepClone();
        }
        return kept;
    }

    private static readonly IReadOnlyDictionary<string, LogPersistenceMode> Empty = new Dictionary<string, LogPersistenceMode>();

    private static (LogPersistenceMode, IReadOnlyDictionary<string, LogPersistenceMode>, IReadOnlyDictionary<string, LogPersistenceMode>)? Read(JsonObject? customProperties)
    {
        if (customProperties?["logPersistenceConfig"] is JsonObject config)
            return (ModeOf(config["default"]), Modes(config["inputs"]), Modes(config["outputs"]));
        if (customProperties?["logPersistenceMode"] is JsonObject legacy)
            return (ModeOf(legacy["default"]), Modes(legacy["inputs"]), Modes(legacy["outputs"]));
        return null;
    }

    private static IReadOnlyDictionary<string, LogPersistenceMode> Modes(JsonNode? node)
    {
        var modes = new Dictionary<string, LogPersistenceMode>(StringComparer.OrdinalIgnoreCase);
        if (node is JsonObject map)
            foreach (var (name, value) in map) modes[name] = ModeOf(value);
        return modes;
    }

    /// <summary>"Exclude" / "exclude" / 2, or a strategy object whose strategyType names Inherit/Include/Exclude.</summary>
    private static LogPersistenceMode ModeOf(JsonNode? value)
    {
        var text = value switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<int>(out var n) && Enum.IsDefined(typeof(LogPersistenceMode), n) => ((LogPersistenceMode)n).ToString(),
            JsonObject strategy when strategy["strategyType"] is JsonValue t && t.TryGetValue<string>(out var type) => type.Split(',')[0].Split('.')[^1],
            _ => null,
        };
        return Enum.TryParse<LogPersistenceMode>(text, ignoreCase: true, out var mode) ? mode : LogPersistenceMode.Inherit;
    }
}
