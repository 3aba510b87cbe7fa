using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Expressions;

/// <summary>What an expression can see of the running workflow (implemented by the activity execution context).</summary>
public interface IExpressionScope
{
    string WorkflowInstanceId { get; }
    string? CorrelationId { get; set; }
    /// <summary>Workflow input by name.</summary>
    JsonObject WorkflowInput { get; }
    /// <summary>Value of a variable by name or id, searching local scopes first; null if unknown.</summary>
    JsonNode? GetVariable(string nameOrId);
    void SetVariable(string nameOrId, JsonNode? value);
    /// <summary>Every variable visible here, by name (inner scopes hide outer ones).</summary>
    IReadOnlyDictionary<string, JsonNode?> GetVisibleVariables();
    /// <summary>An output of a previously executed activity (by id or name); null output name = its first output.</summary>
    JsonNode? GetOutput(string activityIdOrName, string? outputName);
    /// <summary>The last output any activity produced in this instance.</summary>
    JsonNode? LastResult { get; }
}

/// <summary>Evaluates one expression type (<c>Literal</c>, <c>Object</c>, <c>Variable</c>, <c>Input</c>, <c>JavaScript</c>, …).</summary>
public interface IExpressionHandler
{
    string Type { get; }
    /// <summary>Evaluates to a JSON or CLR value; the caller converts it to the input's type.</summary>
    object? Evaluate(Expression expression, IExpressionScope scope);
    /// <summary>A message when the expression can never evaluate (parse error), else null. Used by validation.</summary>
    string? Check(Expression expression) => null;
}

/// <summary>An expression failed (parse error, runtime error, limit exceeded). Becomes an incident on the activity.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Dispatches to the registered expression handlers and converts results to the requested type.</summary>
public sealed class ExpressionEvaluator(IEnumerable<IExpressionHandler> handlers)
{
    private readonly Dictionary<string, IExpressionHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> SupportedTypes => _handlers.Keys;

    public object? Evaluate(Expression expression, Type targetType, IExpressionScope scope)
    {
        var handler = _handlers.GetValueOrDefault(expression.Type)
            ?? throw new ExpressionException($"Unsupported expression type '{expression.Type}'.");
        var value = handler.Evaluate(expression, scope);
        try
        {
            return JsonValues.ConvertTo(value, targetType);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new ExpressionException($"Cannot convert the value of the {expression.Type} expression to {targetType.Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Null when the expression is well-formed, else the reason (unknown type, unparsable script).</summary>
    public string? Check(Expression expression) =>
        _handlers.TryGetValue(expression.Type, out var handler) ? handler.Check(expression) : $"Unsupported expression type '{expression.Type}'.";
}

/// <summary><c>Literal</c>: the value as written (strings are parsed into the input's type by the caller).</summary>
public sealed class LiteralExpressionHandler : IExpressionHandler
{
    public string Type => "Literal";
    public object? Evaluate(Expression expression, IExpressionScope scope) => expression.Value?.DeepClone();
}

/// <summary><c>Object</c> (and obsolete <c>Json</c>): JSON text parsed into a value.</summary>
public sealed class ObjectExpressionHandler(string type = "Object") : IExpressionHandler
{
    public string Type => type;

    public object? Evaluate(Expression expression, IExpressionScope scope) => expression.Value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text),
        var other => other?.DeepClone()
    };

    public string? Check(Expression expression)
    {
        if (expression.Value is not JsonValue v || !v.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text)) return null;
        try { JsonNode.Parse(text); return null; }
        catch (System.Text.Json.JsonException e) { return $"Invalid JSON: {e.Message}"; }
    }

    private static JsonNode? Parse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException e) { throw new ExpressionException($"Invalid JSON in Object expression: {e.Message}", e); }
    }
}

/// <summary><c>Variable</c>: the value of a variable; the expression value is its name/id or <c>{"id","name"}</c>.</summary>
public sealed class VariableExpressionHandler : IExpressionHandler
{
    public string Type => "Variable";

    public object? Evaluate(Expression expression, IExpressionScope scope)
    {
        var reference = VariableReference(expression.Value) ?? throw new ExpressionException("Variable expression without a variable reference.");
        return scope.GetVariable(reference)?.DeepClone();
    }

    public static string? VariableReference(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => o.GetString("id") ?? o.GetString("name"),
        _ => null
    };
}

/// <summary><c>Input</c>: a workflow input by name.</summary>
public sealed class InputExpressionHandler : IExpressionHandler
{
    public string Type => "Input";

    public object? Evaluate(Expression expression, IExpressionScope scope)
    {
        var name = VariableExpressionHandler.VariableReference(expression.Value) ?? throw new ExpressionException("Input expression without an input name.");
        return scope.WorkflowInput[name]?.DeepClone();
    }
}
