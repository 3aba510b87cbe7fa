using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Bulk actions on definitions from Studio's list (ELSA-API §4.2): delete, publish, retract, export (zip).</summary>
public static class WorkflowDefinitionBulkEndpoints
{
    public static RouteGroupBuilder MapWorkflowDefinitionBulkEndpoints(this RouteGroupBuilder api)
    {
        var bulk = api.MapGroup("/bulk-actions").RequireAuthorization(Policies.DesignWorkflows);
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", DeleteByDefinitionIdAsync);
        bulk.MapPost("/delete/workflow-definitions/by-id", DeleteByIdAsync);
        bulk.MapPost("/publish/workflow-definitions/by-definition-ids", PublishAsync);
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", RetractAsync);
        bulk.MapPost("/export/workflow-definitions", ExportAsync);
        return api;
    }

    public sealed class DefinitionIdsRequest
    {
        public List<string>? DefinitionIds { get; set; }
    }

    public sealed class IdsRequest
    {
        public List<string>? Ids { get; set; }
        public bool? IncludeConsumingWorkflows { get; set; }
    }

    private static async Task<IResult> DeleteByDefinitionIdAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<DefinitionIdsRequest>(context.Request, ct);
        if (error is not null) return error;
        var deleted = 0;
        foreach (var definitionId in request.DefinitionIds ?? [])
            if (await service.DeleteAsync(definitionId, ct)) deleted++;
        return ElsaJson.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static async Task<IResult> DeleteByIdAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<IdsRequest>(context.Request, ct);
        if (error is not null) return error;
        var deleted = 0;
        foreach (var id in request.Ids ?? [])
            if (await service.DeleteVersionAsync(id, ct)) deleted++;
        return ElsaJson.Ok(new JsonObject { ["deleted"] = deleted });
    }

    /// <summary>Publishes each latest version; definitions failing validation are listed under <c>failed</c> with their errors.</summary>
    private static async Task<IResult> PublishAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<DefinitionIdsRequest>(context.Request, ct);
        if (error is not null) return error;
        JsonArray published = [], alreadyPublished = [], notFound = [], failed = [];
        foreach (var definitionId in request.DefinitionIds ?? [])
        {
            if (await service.FindAsync(definitionId, VersionOptions.Latest, ct) is null)
            {
                notFound.Add(definitionId);
                continue;
            }
            var result = await service.PublishAsync(definitionId, ct);
            if (!result.Succeeded)
                failed.Add(new JsonObject { ["definitionId"] = definitionId, ["errors"] = new JsonArray([.. result.ValidationErrors.Select(e => (JsonNode)e.ToString())]) });
            else (result.AlreadyPublished ? alreadyPublished : published).Add(definitionId);
        }
        return ElsaJson.Ok(new JsonObject
        {
            ["published"] = published, ["alreadyPublished"] = alreadyPublished, ["notFound"] = notFound,
            ["updatedConsumers"] = new JsonArray(), ["failed"] = failed,
        });
    }

    private static async Task<IResult> RetractAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<DefinitionIdsRequest>(context.Request, ct);
        if (error is not null) return error;
        JsonArray retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var definitionId in request.DefinitionIds ?? [])
        {
            if (await service.FindAsync(definitionId, VersionOptions.Latest, ct) is null) notFound.Add(definitionId);
            else if (await service.RetractAsync(definitionId, ct) is null) alreadyRetracted.Add(definitionId);
            else retracted.Add(definitionId);
        }
        return ElsaJson.Ok(new JsonObject { ["retracted"] = retracted, ["alreadyRetracted"] = alreadyRetracted, ["notFound"] = notFound });
    }

    /// <summary>A zip with one export file per requested version id (unknown ids are a 404: nothing is silently left out).</summary>
    private static async Task<IResult> ExportAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<IdsRequest>(context.Request, ct);
        if (error is not null) return error;
        if (request.Ids is not { Count: > 0 } ids) return ElsaJson.BadRequest("ids", "Give at least one workflow definition version id.");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in ids.Distinct())
            {
                if (await service.GetByIdAsync(id, ct) is not { } version
                    || await service.ExportAsync(version.DefinitionId, VersionOptions.SpecificVersion(version.Version), ct) is not { } export)
                    return ElsaJson.NotFound($"Workflow definition version '{id}' does not exist.");
                var name = WorkflowDefinitionEndpoints.ExportFileName(export);
                if (!names.Add(name)) name = $"{Path.GetFileNameWithoutExtension(name)}-{version.DefinitionId}-v{version.Version}.json";
                names.Add(name);
                await using var entry = zip.CreateEntry(name).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(export.ToJsonString(ElsaJson.Options)), ct);
            }
        }
        return Results.File(buffer.ToArray(), "application/zip", "workflow-definitions.zip");
    }
}
