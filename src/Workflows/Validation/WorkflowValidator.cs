using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities.Primitives;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Workflows.Validation;

/// <summary>One problem in a definition; <see cref="ActivityId"/> is null for workflow-level problems.</summary>
public sealed record ValidationError(string? ActivityId, string Message)
{
    public override string ToString() => ActivityId is null ? Message : $"Activity '{ActivityId}': {Message}";
}

/// <summary>
/// Checks a normalised definition before publishing. Never throws: every problem becomes a <see cref="ValidationError"/>
/// naming the activity: unknown type, duplicate id, connection to a missing activity or port, missing required input,
/// unparsable expression, invalid cron expression. Cycles are allowed (flowcharts may loop).
/// </summary>
public sealed class WorkflowValidator(WorkflowCompiler compiler, ExpressionEvaluator evaluator)
{
    public IReadOnlyList<ValidationError> Validate(JsonObject normalizedModel)
    {
        var errors = new List<ValidationError>();
        if (normalizedModel["root"] is not JsonObject root || !ActivityJson.IsActivity(root))
            return [new ValidationError(null, "The definition has no root activity.")];

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (activity, _, _) in ActivityJson.Walk(root))
        {
            var id = activity.GetStringOrEmpty("id");
            if (!seen.Add(id)) errors.Add(new ValidationError(id, "Duplicate activity id."));
        }

        CompiledWorkflow workflow;
        try
        {
            workflow = compiler.Compile(normalizedModel);
        }
        catch (Exception exception)
        {
            return [.. errors, new ValidationError(null, $"The definition cannot be compiled: {exception.Message}")];
        }

        foreach (var node in workflow.NodesByNodeId.Values)
        {
            if (node.Registration is null)
            {
                errors.Add(new ValidationError(node.Id, $"Unknown activity type '{node.Type}' (version {node.Version})."));
                continue;
            }
            if (node.Registration.Activity is NotFoundActivity)
            {
                var missing = node.Inputs.GetValueOrDefault("MissingTypeName")?.Raw is JsonValue t && t.TryGetValue<string>(out var name) ? name : null;
                var version = node.Inputs.GetValueOrDefault("MissingTypeVersion")?.Raw is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
                errors.Add(new ValidationError(node.Id, $"Unknown activity type '{missing}' (version {version}) (an Elsa.NotFoundActivity placeholder)."));
                continue;
            }
            foreach (var binding in node.Inputs.Values) CheckInput(node, binding, errors);
            if (node.Flowchart is { } graph) CheckConnections(graph, errors, node.Id);
        }
        return errors;
    }

    private void CheckInput(ActivityNode node, InputBinding binding, List<ValidationError> errors)
    {
        var missing = !binding.HasValue || binding.Expression is { Type: "Literal", Value: JsonValue v } && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s);
        if (binding.Descriptor.IsRequired && missing && binding.Descriptor.DefaultValue is null)
        {
            errors.Add(new ValidationError(node.Id, $"Required input '{binding.Name}' has no value."));
            return;
        }
        if (binding.Expression is { } expression && evaluator.Check(expression) is { } problem)
            errors.Add(new ValidationError(node.Id, $"Input '{binding.Name}': {problem}"));
        if (node.Type == "Elsa.Cron" && binding.Name == "CronExpression" && binding.Expression is { Type: "Literal", Value: JsonValue cron }
            && cron.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) && CronSchedule.Check(text) is { } cronProblem)
            errors.Add(new ValidationError(node.Id, cronProblem));
    }

    private static void CheckConnections(FlowchartGraph graph, List<ValidationError> errors, string flowchartId)
    {
        foreach (var connection in graph.Connections)
        {
            var source = graph.FindActivity(connection.SourceId);
            var target = graph.FindActivity(connection.TargetId);
            if (source is null)
                errors.Add(new ValidationError(flowchartId, $"Connection {connection.Index} comes from the missing activity '{connection.SourceId}'."));
            if (target is null)
                errors.Add(new ValidationError(connection.SourceId, $"Connection {connection.Index} goes to the missing activity '{connection.TargetId}'."));
            else if (connection.TargetPort != "In")
                errors.Add(new ValidationError(connection.TargetId, $"Connection {connection.Index} enters through the unknown port '{connection.TargetPort}' (expected 'In')."));
            if (source?.Registration is not null && Outcomes(source) is { } outcomes && !outcomes.Contains(connection.SourcePort))
                errors.Add(new ValidationError(source.Id, $"Connection {connection.Index} leaves through the unknown port '{connection.SourcePort}' (ports: {string.Join(", ", outcomes)})."));
        }
    }

    /// <summary>The outcome ports of an activity, or null when they are dynamic and only known at run time.</summary>
    private static IReadOnlyCollection<string>? Outcomes(ActivityNode node)
    {
        var descriptor = node.Registration!.Descriptor;
        var flowPorts = descriptor.Ports.Where(p => p.Type == PortType.Flow).Select(p => p.Name).ToList();
        if (node.Type == "Elsa.FlowSwitch")
        {
            var labels = (node.Inputs.GetValueOrDefault("Cases")?.Raw as JsonArray ?? []).OfType<JsonObject>().Select(c => c.GetString("label") ?? "");
            return [.. flowPorts, .. labels];
        }
        var dynamic = descriptor.Inputs.FirstOrDefault(i => i.UIHint == "dynamic-outcomes");
        if (dynamic is not null)
        {
            var expression = node.Inputs.GetValueOrDefault(dynamic.Name)?.Expression;
            if (expression is null) return ["Done", .. flowPorts];
            if (expression.Type is not ("Literal" or "Object")) return null;
            try
            {
                var text = expression.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : expression.Value?.ToJsonString();
                var names = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)?.AsArray().Select(n => n?.ToString() ?? "").ToList() ?? [];
                return names.Count == 0 ? ["Done"] : names;
            }
            catch (Exception)
            {
                return null;
            }
        }
        if (flowPorts.Count > 0) return flowPorts;
        return descriptor.IsTerminal ? [] : ["Done"];
    }
}
