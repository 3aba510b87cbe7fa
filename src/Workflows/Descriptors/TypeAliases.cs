using System.Collections;

namespace WorkflowHost.Workflows.Descriptors;

/// <summary>The type aliases Elsa writes as <c>typeName</c> (String, Boolean, TimeSpan, Object, …).</summary>
public static class TypeAliases
{
    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(string)] = "String", [typeof(bool)] = "Boolean", [typeof(int)] = "Int32", [typeof(long)] = "Int64",
        [typeof(double)] = "Double", [typeof(decimal)] = "Decimal", [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset", [typeof(TimeSpan)] = "TimeSpan", [typeof(Guid)] = "Guid",
        [typeof(object)] = "Object", [typeof(System.Text.Json.Nodes.JsonNode)] = "JSON",
        [typeof(System.Text.Json.Nodes.JsonObject)] = "JSON",
        [typeof(IDictionary<string, object?>)] = "ObjectDictionary", [typeof(IDictionary<string, object>)] = "ObjectDictionary",
    };

    public static string For(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (Aliases.TryGetValue(underlying, out var alias)) return alias;
        if (underlying.IsArray) return For(underlying.GetElementType()!) + "[]";
        if (underlying.IsGenericType && typeof(IEnumerable).IsAssignableFrom(underlying) && underlying.GetGenericArguments().Length == 1)
            return For(underlying.GetGenericArguments()[0]) + "[]";
        return underlying.Name;
    }

    /// <summary>Elsa's default editor for a CLR type (ELSA-API §5.2).</summary>
    public static string DefaultUIHint(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(bool)) return "checkbox";
        if (underlying == typeof(string)) return "singleline";
        if (underlying.IsEnum) return "dropdown";
        if (typeof(IEnumerable).IsAssignableFrom(underlying)) return "dropdown";
        return "singleline";
    }
}
