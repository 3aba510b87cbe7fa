using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Descriptors (ELSA-API §4.1/§5): what the engine offers, for Studio's toolbox and property panels. Only what the
/// engine really implements is listed; strategy lists the engine has no choice for are empty (Studio adds "default").
/// </summary>
public static class DescriptorEndpoints
{
    public static RouteGroupBuilder MapDescriptorEndpoints(this RouteGroupBuilder api)
    {
        var descriptors = api.MapGroup("/descriptors");
        // Studio re-fetches this after every save (Refresh=True); the registry never changes while the host runs.
        descriptors.MapGet("/activities", (HttpContext context, ActivityRegistry registry) => ActivityDescriptorsDocument.For(registry).Answer(context));
        descriptors.MapGet("/activities/{typeName}", (string typeName, HttpContext context, ActivityRegistry registry) =>
        {
            var q = new ElsaQuery(context.Request.Query);
            var version = q.Int("version", min: 1);
            if (q.HasErrors) return q.BadRequest();
            var registration = version is { } v ? registry.All.FirstOrDefault(r => r.Descriptor.TypeName == typeName && r.Descriptor.Version == v) : registry.Find(typeName);
            return registration is null
                ? ElsaJson.NotFound($"Activity type '{typeName}' is not registered.")
                : Results.Json(registration.Descriptor, ElsaJson.Options);
        });
        descriptors.MapPost("/activities/{activityTypeName}/options/{propertyName}", InputOptionsAsync);
        descriptors.MapGet("/expression-descriptors", (IEnumerable<IExpressionHandler> handlers) =>
        {
            var items = handlers.Select(h => ExpressionDescriptor(h.Type)).ToList();
            return ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray([.. items]), ["count"] = items.Count });
        });
        descriptors.MapGet("/variables", () => ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray([.. VariableTypes.Select(VariableType)]) }));
        descriptors.MapGet("/storage-drivers", () => ElsaJson.Ok(new JsonObject
        {
            // Variables live in the instance state: Elsa's "Workflow Instance" driver is what the engine does.
            ["items"] = new JsonArray(new JsonObject
            {
                ["typeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
                ["displayName"] = "Workflow Instance", ["priority"] = 0, ["deprecated"] = false,
            }),
        }));
        descriptors.MapGet("/workflow-activation-strategies", () => Strategies(
            ("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always",
                "A new instance may always be started.")));
        descriptors.MapGet("/incident-strategies", () => Strategies([.. IncidentStrategies.All]));
        descriptors.MapGet("/log-persistence-strategies", () => Strategies(
            ("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include",
                "Every activity's inputs and outputs are recorded in the journal and activity records.")));
        // One commit per burst is the engine's only behaviour: no named strategies to choose from.
        descriptors.MapGet("/commit-strategies/workflows", () => ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray(), ["count"] = 0 }));
        descriptors.MapGet("/commit-strategies/activities", () => ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray(), ["count"] = 0 }));
        descriptors.MapGet("/output-converters", () => ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray() }));
        return api;
    }

    public sealed class InputOptionsRequest
    {
        /// <summary>The activity's current input values by camelCase name; options here do not depend on them.</summary>
        public JsonObject? Context { get; set; }
    }

    /// <summary>
    /// The UI specifications of one input (ELSA-API §4.1), which Studio asks for when an input's specifications carry
    /// <c>Refresh: true</c>: the registry's own — e.g. the dropdown of an enum input such as RequestReports'
    /// <c>Selection</c>. Workflow-definition pickers list definitions themselves (<c>GET /workflow-definitions</c>).
    /// </summary>
    private static async Task<IResult> InputOptionsAsync(string activityTypeName, string propertyName, HttpContext context, ActivityRegistry registry, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var version = q.Int("version", min: 1);
        if (q.HasErrors) return q.BadRequest();
        var (_, error) = await ElsaJson.ReadBodyAsync<InputOptionsRequest>(context.Request, ct);
        if (error is not null) return error;
        var registration = version is { } v
            ? registry.All.FirstOrDefault(r => r.Descriptor.TypeName == activityTypeName && r.Descriptor.Version == v)
            : registry.Find(activityTypeName);
        if (registration is null) return ElsaJson.NotFound($"Activity type '{activityTypeName}' is not registered.");
        var input = registration.Descriptor.Inputs.FirstOrDefault(i => i.Name == propertyName)
                    ?? registration.Descriptor.Inputs.FirstOrDefault(i => string.Equals(i.Name, propertyName, StringComparison.OrdinalIgnoreCase));
        if (input is null) return ElsaJson.NotFound($"Activity type '{activityTypeName}' has no input '{propertyName}'.");
        return ElsaJson.Ok(new JsonObject { ["items"] = input.UISpecifications?.DeepClone() ?? new JsonObject() });
    }

    private static IResult Strategies(params (string TypeName, string DisplayName, string Description)[] strategies) =>
        ElsaJson.Ok(new JsonObject
        {
            ["items"] = new JsonArray([.. strategies.Select(s => (JsonNode)new JsonObject
            {
                ["typeName"] = s.TypeName, ["displayName"] = s.DisplayName, ["description"] = s.Description,
            })]),
            ["count"] = strategies.Length,
        });

    /// <summary>
    /// Studio's syntax menu = the browsable ones; its code editors take the first that is not Literal, Object,
    /// Variable or Input (hence JavaScript must be listed). <c>properties</c> values must be strings.
    /// </summary>
    private static JsonNode ExpressionDescriptor(string type)
    {
        var (displayName, browsable, monaco) = type switch
        {
            "Literal" => ("Literal", false, null),
            "Object" => ("Object", false, "json"),
            "Json" => ("Json", false, "json"),
            "Variable" => ("Variable", true, null),
            "Input" => ("Input", true, null),
            "JavaScript" => ("JavaScript", true, "javascript"),
            _ => (type, true, (string?)null),
        };
        var properties = new JsonObject();
        if (monaco is not null) properties["MonacoLanguage"] = monaco;
        return new JsonObject
        {
            ["type"] = type, ["displayName"] = displayName, ["isSerializable"] = true, ["isBrowsable"] = browsable, ["properties"] = properties,
        };
    }

    private static readonly (string TypeName, string Category)[] VariableTypes =
    [
        ("Object", "Primitives"), ("String", "Primitives"), ("Boolean", "Primitives"), ("Int32", "Primitives"),
        ("Int64", "Primitives"), ("Double", "Primitives"), ("Decimal", "Primitives"), ("Guid", "Primitives"),
        ("DateTime", "Primitives"), ("DateTimeOffset", "Primitives"), ("TimeSpan", "Primitives"),
        ("JSON", "Dynamic"), ("ObjectDictionary", "Dictionaries"),
    ];

    private static JsonNode VariableType((string TypeName, string Category) type) => new JsonObject
    {
        ["typeName"] = type.TypeName, ["displayName"] = type.TypeName, ["category"] = type.Category,
    };
}
