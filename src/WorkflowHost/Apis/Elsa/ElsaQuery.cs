using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Reads Studio's query strings (ELSA-API §2.2): keys case-insensitively, <c>True</c>/<c>False</c>, repeated keys for
/// lists, an empty value meaning "not given". Unreadable values are collected as errors for one 400 answer.
/// </summary>
public sealed class ElsaQuery(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IResult BadRequest() => ElsaJson.BadRequest(_errors);

    public string? String(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    public IReadOnlyList<string>? Strings(string name)
    {
        var values = query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        return values.Count == 0 ? null : values;
    }

    public int? Int(string name, int min = 0, int max = int.MaxValue)
    {
        if (String(name) is not { } text) return null;
        if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
        _errors[name] = [$"'{text}' is not a whole number between {min} and {max}."];
        return null;
    }

    public bool? Bool(string name)
    {
        if (String(name) is not { } text) return null;
        if (bool.TryParse(text, out var value)) return value;
        _errors[name] = [$"'{text}' is not True or False."];
        return null;
    }

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        if (String(name) is not { } text) return null;
        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)) return value;
        _errors[name] = [$"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    /// <summary><c>versionOptions</c>: Latest, Published, …, or a version number; <paramref name="fallback"/> when absent or empty.</summary>
    public VersionOptions VersionOptions(string name, VersionOptions fallback)
    {
        if (String(name) is not { } text) return fallback;
        if (Workflows.Model.VersionOptions.TryParse(text, out var options)) return options;
        _errors[name] = [$"'{text}' is not a version option (Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a number)."];
        return fallback;
    }
}
