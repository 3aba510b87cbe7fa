using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// The wire conventions of the Elsa REST API (ELSA-API §2.1): camelCase names (Studio reads them case-sensitively),
/// case-insensitive reading, enums as PascalCase strings, null properties omitted — an explicit null for a collection
/// Studio iterates would override its default and crash it.
/// </summary>
public static class ElsaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonValues.Options) { PropertyNameCaseInsensitive = true };

    /// <summary>200 with <paramref name="body"/> as <c>application/json; charset=utf-8</c>.</summary>
    public static IResult Ok(object body) => Results.Json(body, Options);

    public static IResult Ok(JsonNode body) => Json(body, StatusCodes.Status200OK);

    public static IResult Created(JsonNode body) => Json(body, StatusCodes.Status201Created);

    private static IResult Json(JsonNode body, int status) =>
        Results.Text(body.ToJsonString(Options), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>400 problem details with <c>errors: {field: [message]}</c>, the body Studio parses into its snackbar.</summary>
    public static IResult BadRequest(string field, string message) =>
        BadRequest(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult BadRequest(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request is invalid.");

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);

    /// <summary>
    /// Reads the request body as JSON. An empty body is <c>null</c> (publish/retract/cancel send <c>{}</c> or nothing);
    /// malformed JSON is a 400 naming the position, never a 500.
    /// </summary>
    public static async Task<BodyResult<JsonNode?>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return new(null, null);
        try
        {
            return new(JsonNode.Parse(text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }), null);
        }
        catch (JsonException exception)
        {
            return new(null, BadRequest("body", $"The request body is not valid JSON: {exception.Message}"));
        }
    }

    /// <summary>Reads the body into <typeparamref name="T"/>; a missing body gives a new <typeparamref name="T"/>.</summary>
    public static async Task<BodyResult<T>> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : new()
    {
        var (node, error) = await ReadBodyAsync(request, cancellationToken);
        if (error is not null) return new(default!, error);
        if (node is null) return new(new T(), null);
        try
        {
            return new(node.Deserialize<T>(Options) ?? new T(), null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            return new(default!, BadRequest(field, $"Invalid value for '{field}': {FirstLine(exception.Message)}"));
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>A parsed request body, or the 400 to answer instead.</summary>
public readonly record struct BodyResult<T>(T Value, IResult? Error);
