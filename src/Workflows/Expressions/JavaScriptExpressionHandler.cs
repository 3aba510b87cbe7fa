using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Parser;
using Jint.Runtime;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Expressions;

/// <summary>Limits for JavaScript expressions (Jint 2.10.4 has no memory limit; the statement and result-size limits bound it).</summary>
public sealed record JavaScriptLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public int MaxStatements { get; init; } = 100_000;
    public int MaxRecursionDepth { get; init; } = 64;
    /// <summary>Largest result (as JSON text) an expression may return.</summary>
    public int MaxResultLength { get; init; } = 1_000_000;
}

/// <summary>
/// <c>JavaScript</c> expressions through Jint 2.10.4 (ES5 only: no arrow functions, template literals or <c>let</c> in
/// loops). What a script sees:
/// <list type="bullet">
/// <item><c>getVariable('x')</c>, <c>setVariable('x', v)</c>, and per variable <c>getX()</c> / <c>setX(v)</c>;</item>
/// <item><c>variables.x</c> (assignments to <c>variables.x</c> are written back after the script);</item>
/// <item><c>input.x</c>, <c>getInput('x')</c> and per workflow input <c>getX()</c> (like Elsa's generated getters);</item>
/// <item><c>getOutputFrom('activityIdOrName', 'Output')</c>, <c>getLastResult()</c>;</item>
/// <item><c>getWorkflowInstanceId()</c>, <c>getCorrelationId()</c>, <c>setCorrelationId(v)</c>; plus ES5 built-ins (JSON, Math, Date).</item>
/// </list>
/// A script that uses <c>return</c> at top level is run as a function body (Elsa's samples do that).
/// </summary>
public sealed class JavaScriptExpressionHandler(JavaScriptLimits? limits = null) : IExpressionHandler
{
    private readonly JavaScriptLimits _limits = limits ?? new JavaScriptLimits();

    public string Type => "JavaScript";

    public string? Check(Expression expression)
    {
        var script = ScriptText(expression);
        if (string.IsNullOrWhiteSpace(script)) return null;
        return TryPrepare(script, out _, out var error) ? null : $"JavaScript does not parse: {error}";
    }

    public object? Evaluate(Expression expression, IExpressionScope scope)
    {
        var script = ScriptText(expression);
        if (string.IsNullOrWhiteSpace(script)) return null;
        if (!TryPrepare(script, out var prepared, out var error)) throw new ExpressionException($"JavaScript does not parse: {error}");

        var engine = new Engine(options => options
            .TimeoutInterval(_limits.Timeout)
            .MaxStatements(_limits.MaxStatements)
            .LimitRecursion(_limits.MaxRecursionDepth));
        var json = new JsonParser(engine);
        JsValue ToJs(JsonNode? node) => node is null ? JsValue.Null : json.Parse(node.ToJsonString());

        var variables = scope.GetVisibleVariables();
        engine.SetValue("getVariable", new Func<string, JsValue>(name => ToJs(scope.GetVariable(name))));
        engine.SetValue("setVariable", new Action<string, object?>((name, value) => scope.SetVariable(name, JsonValues.ToJson(value))));
        engine.SetValue("getInput", new Func<string, JsValue>(name => ToJs(scope.WorkflowInput[name])));
        engine.SetValue("getOutputFrom", new Func<string, string?, JsValue>((activity, output) => ToJs(scope.GetOutput(activity, output))));
        engine.SetValue("getLastResult", new Func<JsValue>(() => ToJs(scope.LastResult)));
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => scope.WorkflowInstanceId));
        engine.SetValue("getCorrelationId", new Func<string?>(() => scope.CorrelationId));
        engine.SetValue("setCorrelationId", new Action<string?>(value => scope.CorrelationId = value));
        foreach (var (name, _) in scope.WorkflowInput)
            if (IsIdentifier(name)) engine.SetValue("get" + Pascal(name), new Func<JsValue>(() => ToJs(scope.WorkflowInput[name])));
        foreach (var (name, _) in variables)
        {
            if (!IsIdentifier(name)) continue;
            engine.SetValue("get" + Pascal(name), new Func<JsValue>(() => ToJs(scope.GetVariable(name))));
            engine.SetValue("set" + Pascal(name), new Action<object?>(value => scope.SetVariable(name, JsonValues.ToJson(value))));
        }
        var variablesJson = new JsonObject(variables.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        engine.SetValue("variables", json.Parse(variablesJson.ToJsonString()));
        engine.SetValue("input", json.Parse(scope.WorkflowInput.ToJsonString()));

        object? result;
        try
        {
            result = engine.Execute(prepared).GetCompletionValue().ToObject();
            WriteBackVariables(engine, variablesJson, scope);
        }
        catch (JavaScriptException e) { throw new ExpressionException($"JavaScript error: {e.Message}", e); }
        catch (StatementsCountOverflowException e) { throw new ExpressionException($"JavaScript exceeded {_limits.MaxStatements} statements (endless loop?).", e); }
        catch (RecursionDepthOverflowException e) { throw new ExpressionException($"JavaScript exceeded the recursion depth of {_limits.MaxRecursionDepth}.", e); }
        catch (TimeoutException e) { throw new ExpressionException($"JavaScript ran longer than {_limits.Timeout}.", e); }
        catch (ParserException e) { throw new ExpressionException($"JavaScript does not parse: {e.Message}", e); }
        catch (Exception e) when (e is not ExpressionException) { throw new ExpressionException($"JavaScript failed: {e.Message}", e); }

        var value = JsonValues.ToJson(result);
        if (value is not null && value.ToJsonString().Length > _limits.MaxResultLength)
            throw new ExpressionException($"JavaScript result is larger than {_limits.MaxResultLength} characters.");
        return value;
    }

    private static void WriteBackVariables(Engine engine, JsonObject before, IExpressionScope scope)
    {
        var after = JsonNode.Parse(engine.Execute("JSON.stringify(variables)").GetCompletionValue().AsString()) as JsonObject;
        if (after is null) return;
        foreach (var (name, value) in after)
            if (!before.TryGetPropertyValue(name, out var old) || !JsonNode.DeepEquals(old, value))
                scope.SetVariable(name, value?.DeepClone());
    }

    private static string? ScriptText(Expression expression) =>
        expression.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : expression.Value?.ToJsonString();

    /// <summary>Parses the script; a top-level <c>return</c> makes it a function body.</summary>
    private static bool TryPrepare(string script, out string prepared, out string? error)
    {
        prepared = script;
        error = null;
        try
        {
            new JavaScriptParser().Parse(script);
            return true;
        }
        catch (ParserException first)
        {
            var wrapped = $"(function(){{\n{script}\n}})()";
            try
            {
                new JavaScriptParser().Parse(wrapped);
                prepared = wrapped;
                return true;
            }
            catch (ParserException)
            {
                error = first.Message;
                return false;
            }
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
