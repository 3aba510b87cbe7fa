using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Conversions between the values the engine moves around (JSON nodes, Jint results, CLR values) and the typed
/// values activities ask for. Workflow state stores every value as JSON so it survives persistence unchanged.
/// </summary>
public static class JsonValues
{
    /// <summary>camelCase, enums as strings, nulls omitted: the wire conventions of ELSA-API §2.1.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>Turns any value (CLR, Jint result, JSON) into a detached JSON node.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal m => JsonValue.Create(m),
        DateTime dt => JsonValue.Create(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt).ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture)),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        ExpandoObject expando => ToJsonObject(expando),
        IDictionary<string, object?> dict => ToJsonObject(dict),
        IDictionary dict => ToJsonObject(dict.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => dict[k])),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options)
    };

    private static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs) result[key] = ToJson(value);
        return result;
    }

    /// <summary>Converts a value to <paramref name="type"/>; strings are parsed the way Studio writes literals.</summary>
    public static object? ConvertTo(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null) return null;
        if (type == typeof(object)) return value is JsonNode n ? n.DeepClone() : ToJson(value);
        if (underlying.IsInstanceOfType(value) && value is not JsonNode) return value;
        var node = value as JsonNode ?? ToJson(value);
        if (node is null) return null;
        if (typeof(JsonNode).IsAssignableFrom(underlying)) return node.DeepClone();
        if (underlying == typeof(string))
            return node is JsonValue v && v.TryGetValue<string>(out var str) ? str : node.ToJsonString();
        if (node is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            return ParseText(text, underlying);
        if (underlying == typeof(TimeSpan) && node is JsonValue numberSpan && numberSpan.TryGetValue<double>(out var ms))
            return TimeSpan.FromMilliseconds(ms);
        return node.Deserialize(type, Options);
    }

    public static T? ConvertTo<T>(object? value) => (T?)ConvertTo(value, typeof(T));

    private static object? ParseText(string text, Type type)
    {
        if (type == typeof(bool)) return bool.Parse(text.Trim());
        if (type == typeof(int)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(long)) return long.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(decimal)) return decimal.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(TimeSpan)) return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(DateTimeOffset))
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (type == typeof(DateTime))
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        if (type == typeof(Guid)) return Guid.Parse(text);
        if (type.IsEnum) return Enum.Parse(type, text.Trim(), ignoreCase: true);
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Collections and objects typed in an editor arrive as JSON text (Object expressions, multitext editors).
        return JsonNode.Parse(text)?.Deserialize(type, Options);
    }

    /// <summary>Reads a string property of a JSON object, or null.</summary>
    public static string? GetString(this JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Reads a boolean property that may be a JSON boolean or a "true"/"True" string.</summary>
    public static bool GetBool(this JsonObject? obj, string name)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is not JsonValue v) return false;
        if (v.TryGetValue<bool>(out var b)) return b;
        return v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) && parsed;
    }

    /// <summary>Structural equality of two JSON values (object property order ignored).</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
