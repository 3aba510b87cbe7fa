using System.Text;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Features, package version and the JavaScript type definitions Monaco shows (ELSA-API §4.1, §4.5).</summary>
public static class ServerInfoEndpoints
{
    /// <summary>The Elsa API version whose contract this implements (Studio 3.8.2's client).</summary>
    public const string PackageVersion = "3.8.2";

    public static RouteGroupBuilder MapServerInfoEndpoints(this RouteGroupBuilder api)
    {
        // Nothing optional is implemented (no SignalR hub, resilience, alterations, secrets): Studio then polls and
        // hides those menus. Listing a feature without its endpoints breaks Studio.
        api.MapGet("/features/installed", () => ElsaJson.Ok(new JsonObject { ["items"] = new JsonArray(), ["count"] = 0 }));
        api.MapGet("/package/version", () => ElsaJson.Ok(new JsonObject { ["packageVersion"] = PackageVersion }));
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", TypeDefinitionsAsync);
        return api;
    }

    /// <summary>A TypeScript declaration of the engine's JavaScript scope (src/Workflows/README.md), with the definition's variables and inputs.</summary>
    private static async Task<IResult> TypeDefinitionsAsync(string definitionId, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        if (await definitions.FindAsync(definitionId, VersionOptions.Latest, ct) is not { } definition)
            return ElsaJson.NotFound($"Workflow definition '{definitionId}' does not exist.");
        var text = new StringBuilder("""
            // WorkflowHost JavaScript scope (Jint, ES5).
            declare function getVariable(name: string): any;
            declare function setVariable(name: string, value: any): void;
            declare const variables: { [name: string]: any };
            declare const input: { [name: string]: any };
            declare function getInput(name: string): any;
            declare function getOutputFrom(activityIdOrName: string, outputName?: string): any;
            declare function getLastResult(): any;
            declare function getWorkflowInstanceId(): string;
            declare function getCorrelationId(): string | null;
            declare function setCorrelationId(value: string): void;

            """);
        var variables = (definition.Model["variables"] as JsonArray ?? []).ToList();
        if (definition.Model["root"] is JsonObject root)
            foreach (var (activity, _, _) in ActivityJson.Walk(root))
                variables.AddRange(activity["variables"] as JsonArray ?? []);
        foreach (var name in variables.OfType<JsonObject>().Select(v => v.GetString("name")).OfType<string>().Where(IsIdentifier).Distinct())
            text.AppendLine($"declare function get{name}(): any;").AppendLine($"declare function set{name}(value: any): void;");
        foreach (var name in (definition.Model["inputs"] as JsonArray ?? []).OfType<JsonObject>().Select(i => i.GetString("name")).OfType<string>().Where(IsIdentifier).Distinct())
            text.AppendLine($"declare function get{name}(): any;");
        return Results.Text(text.ToString(), "application/x-typescript", Encoding.UTF8);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
