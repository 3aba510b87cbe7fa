using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkflowHost.ReportingChains.Plans.Json;

/// <summary>
/// Reads the fields of one JSON object, recording a path-named error for every missing, mistyped or unknown field
/// instead of stopping at the first, so an import reports all problems at once.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<PlanTemplateError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<PlanTemplateError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public static JsonObjectReader? Open(JsonElement element, string path, List<PlanTemplateError> errors)
    {
        if (element.ValueKind == JsonValueKind.Object) return new JsonObjectReader(element, path, errors);
        errors.Add(new PlanTemplateError(path, "expected an object"));
        return null;
    }

    public string PathOf(string name) => $"{Path}.{name}";

    public void Error(string name, string message) => _errors.Add(new PlanTemplateError(PathOf(name), message));

    public string? String(string name, bool required = false, Regex? pattern = null, string? patternText = null)
    {
        if (!TryGet(name, out var value))
        {
            if (required) Error(name, "required");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "expected a string");
            return null;
        }
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Error(name, "required");
            return null;
        }
        if (pattern is not null && !pattern.IsMatch(text))
        {
            Error(name, $"\"{text}\" is not {patternText}");
            return null;
        }
        return text;
    }

    public DateOnly? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(name, $"invalid date \"{text}\" (expected yyyy-MM-dd)");
        return null;
    }

    public T? Enum<T>(string name, bool required = false) where T : struct, Enum
    {
        var text = String(name, required);
        return text is null ? null : ParseEnum<T>(text, PathOf(name));
    }

    public List<T> Enums<T>(string name) where T : struct, Enum =>
        Strings(name).Select((text, i) => ParseEnum<T>(text, $"{PathOf(name)}[{i}]"))
            .OfType<T>().ToList();

    public bool Bool(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value)) return defaultValue;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Error(name, "expected true or false");
        return defaultValue;
    }

    public int? Int(string name, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            if (required) Error(name, "required");
            return null;
        }
        return ReadInt(value, PathOf(name), min, max);
    }

    public decimal? Decimal(string name, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            if (required) Error(name, "required");
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
        Error(name, "expected a number");
        return null;
    }

    public JsonObjectReader? Object(string name, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            if (required) Error(name, "required");
            return null;
        }
        return Open(value, PathOf(name), _errors);
    }

    /// <summary>Reads an array; <paramref name="required"/> means present and not empty.</summary>
    public List<T> Array<T>(string name, bool required, Func<JsonElement, string, T?> readItem) where T : class
    {
        var items = new List<T>();
        if (!TryGet(name, out var value))
        {
            if (required) Error(name, "required");
            return items;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, "expected an array");
            return items;
        }
        if (required && value.GetArrayLength() == 0) Error(name, "must not be empty");
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var read = readItem(item, $"{PathOf(name)}[{index++}]");
            if (read is not null) items.Add(read);
        }
        return items;
    }

    public List<string> Strings(string name, bool required = false, Regex? pattern = null, string? patternText = null) =>
        Array(name, required, (item, path) =>
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                _errors.Add(new PlanTemplateError(path, "expected a non-empty string"));
                return null;
            }
            var text = item.GetString()!;
            if (pattern is null || pattern.IsMatch(text)) return text;
            _errors.Add(new PlanTemplateError(path, $"\"{text}\" is not {patternText}"));
            return null;
        });

    public List<int> Ints(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var numbers = new List<int>();
        if (!TryGet(name, out var value)) return numbers;
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, "expected an array");
            return numbers;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
            if (ReadInt(item, $"{PathOf(name)}[{index++}]", min, max) is { } number)
                numbers.Add(number);
        return numbers;
    }

    /// <summary>Reports every property that no reader method asked for — usually a misspelt field name.</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
            if (!_read.Contains(property.Name))
                Error(property.Name, "unknown field");
    }

    /// <summary>Only the exact member names count: "1" or "sum" in a file is a mistake worth reporting.</summary>
    private T? ParseEnum<T>(string text, string path) where T : struct, Enum
    {
        if (System.Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)) return System.Enum.Parse<T>(text);
        _errors.Add(new PlanTemplateError(path,
            $"unknown value \"{text}\" (expected {string.Join(", ", System.Enum.GetNames<T>())})"));
        return null;
    }

    private int? ReadInt(JsonElement value, string path, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            _errors.Add(new PlanTemplateError(path, "expected a whole number"));
            return null;
        }
        if (number >= min && number <= max) return number;
        _errors.Add(new PlanTemplateError(path, $"{number} is out of range ({min}..{max})"));
        return null;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
