using System.Text;
using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Validation;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Workflow definitions (ELSA-API §4.2): list, lookups, save/publish with Elsa's save semantics, versions, import/export.</summary>
public static class WorkflowDefinitionEndpoints
{
    public static RouteGroupBuilder MapWorkflowDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var definitions = api.MapGroup("/workflow-definitions");
        definitions.MapGet("", ListAsync);
        definitions.MapGet("/by-definition-id/{definitionId}", GetByDefinitionIdAsync);
        definitions.MapGet("/{definitionId}", GetByDefinitionIdAsync);
        definitions.MapGet("/by-id/{id}", GetByIdAsync);
        definitions.MapGet("/many-by-id", GetManyByIdAsync);
        definitions.MapGet("/validation/is-name-unique", IsNameUniqueAsync);
        definitions.MapGet("/query/count", CountAsync);
        definitions.MapGet("/{definitionId}/versions", ListVersionsAsync);
        definitions.MapGet("/{definitionId}/export", ExportAsync);

        definitions.MapPost("", SaveAsync).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapPost("/{definitionId}/publish", PublishAsync).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapPost("/{definitionId}/retract", RetractAsync).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapDelete("/{definitionId}", DeleteAsync).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapPost("/{definitionId}/revert/{version:int}", RevertAsync).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapPost("/import", (HttpContext context, IWorkflowDefinitionService service, CancellationToken ct) =>
            ImportAsync(context, service, forcedDefinitionId: null, ct)).RequireAuthorization(Policies.DesignWorkflows);
        definitions.MapPut("/{definitionId}/import", (string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct) =>
            ImportAsync(context, service, definitionId, ct)).RequireAuthorization(Policies.DesignWorkflows);

        api.MapDelete("/workflow-definition-versions/{id}", DeleteVersionAsync).RequireAuthorization(Policies.DesignWorkflows);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var query = new WorkflowDefinitionQuery
        {
            // Empty or absent: no version filter (Studio's instance list asks "?versionOptions=&Ids=…").
            VersionOptions = q.VersionOptions("versionOptions", VersionOptions.AllVersions),
            DefinitionIds = q.Strings("DefinitionIds"),
            Ids = q.Strings("Ids"),
            SearchTerm = q.String("SearchTerm"),
            IsSystem = q.Bool("IsSystem"),
            OrderBy = q.Enum<DefinitionOrderBy>("OrderBy"),
            OrderDirection = q.Enum<OrderDirection>("OrderDirection"),
            Page = q.Int("Page"),
            PageSize = q.Int("PageSize", min: 1, max: 1000),
        };
        if (q.HasErrors) return q.BadRequest();
        var caller = await ElsaCaller.ResolveAsync(context);
        var page = await store.QueryAsync(query, ct);
        return ElsaJson.Ok(new JsonObject
        {
            ["items"] = new JsonArray(page.Items.Select(v => (JsonNode)WorkflowDefinitionShapes.Summary(v, caller)).ToArray()),
            ["totalCount"] = page.TotalCount,
            ["links"] = System.Text.Json.JsonSerializer.SerializeToNode(ElsaLink.ForDefinitionList(caller), ElsaJson.Options),
        });
    }

    private static async Task<IResult> GetByDefinitionIdAsync(string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var versionOptions = q.VersionOptions("versionOptions", VersionOptions.Latest);
        if (q.HasErrors) return q.BadRequest();
        var version = await service.FindAsync(definitionId, versionOptions, ct);
        return version is null
            ? ElsaJson.NotFound($"Workflow definition '{definitionId}' has no {versionOptions} version.")
            : ElsaJson.Ok(WorkflowDefinitionShapes.Full(version, await ElsaCaller.ResolveAsync(context)));
    }

    private static async Task<IResult> GetByIdAsync(string id, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var version = await service.GetByIdAsync(id, ct);
        return version is null
            ? ElsaJson.NotFound($"Workflow definition version '{id}' does not exist.")
            : ElsaJson.Ok(WorkflowDefinitionShapes.Full(version, await ElsaCaller.ResolveAsync(context)));
    }

    private static async Task<IResult> GetManyByIdAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var caller = await ElsaCaller.ResolveAsync(context);
        var items = new JsonArray();
        foreach (var id in new ElsaQuery(context.Request.Query).Strings("ids") ?? [])
            if (await service.GetByIdAsync(id, ct) is { } version)
                items.Add(WorkflowDefinitionShapes.Full(version, caller));
        return ElsaJson.Ok(new JsonObject { ["items"] = items, ["count"] = items.Count });
    }

    private static async Task<IResult> IsNameUniqueAsync(HttpContext context, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        if (q.String("name")?.Trim() is not { Length: > 0 } name) return ElsaJson.BadRequest("name", "The name is required.");
        return ElsaJson.Ok(new JsonObject { ["isUnique"] = await store.IsNameUniqueAsync(name, q.String("definitionId"), ct) });
    }

    /// <summary>Elsa's <c>{"count"}</c>: the number of definitions (each has exactly one latest version).</summary>
    private static async Task<IResult> CountAsync(IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var latest = await store.QueryAsync(new WorkflowDefinitionQuery { VersionOptions = VersionOptions.Latest, Page = 0, PageSize = 1 }, ct);
        return ElsaJson.Ok(new JsonObject { ["count"] = latest.TotalCount });
    }

    private static async Task<IResult> ListVersionsAsync(string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var caller = await ElsaCaller.ResolveAsync(context);
        var versions = await service.ListVersionsAsync(definitionId, ct);
        if (versions.Count == 0) return ElsaJson.NotFound($"Workflow definition '{definitionId}' does not exist.");
        return ElsaJson.Ok(new JsonArray(versions.OrderBy(v => v.Version).Select(v => (JsonNode)WorkflowDefinitionShapes.Full(v, caller)).ToArray()));
    }

    private static async Task<IResult> ExportAsync(string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var versionOptions = q.VersionOptions("versionOptions", VersionOptions.Latest);
        q.Bool("includeConsumingWorkflows"); // accepted; no definition consumes another as an activity here
        if (q.HasErrors) return q.BadRequest();
        var export = await service.ExportAsync(definitionId, versionOptions, ct);
        if (export is null) return ElsaJson.NotFound($"Workflow definition '{definitionId}' has no {versionOptions} version.");
        return Results.File(Encoding.UTF8.GetBytes(export.ToJsonString(ElsaJson.Options)), "application/json", ExportFileName(export));
    }

    /// <summary>The definition's name as a file name (Studio uses Content-Disposition), else its id.</summary>
    public static string ExportFileName(JsonObject export)
    {
        var name = export.GetString("name") is { Length: > 0 } n ? n : export.GetString("definitionId") ?? "workflow-definition";
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '-' : c).ToArray()).Trim();
        return $"{(safe.Length == 0 ? "workflow-definition" : safe)}.json";
    }

    private static async Task<IResult> SaveAsync(HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var (body, error) = await ElsaJson.ReadBodyAsync(context.Request, ct);
        if (error is not null) return error;
        if (body?["model"] is not JsonObject model) return ElsaJson.BadRequest("model", "The workflow definition model is required.");
        var publishNode = body["publish"];
        if (publishNode is not null && publishNode.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            return ElsaJson.BadRequest("publish", "'publish' must be true, false or null.");
        var result = await service.SaveAsync(model, publishNode?.GetValue<bool>() == true, ct);
        if (!result.Succeeded) return ValidationFailed(result.ValidationErrors);
        return ElsaJson.Ok(WorkflowDefinitionShapes.SaveResponse(result.Definition!, await ElsaCaller.ResolveAsync(context), alreadyPublished: false));
    }

    private static async Task<IResult> PublishAsync(string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        if (await service.FindAsync(definitionId, VersionOptions.Latest, ct) is null)
            return ElsaJson.NotFound($"Workflow definition '{definitionId}' does not exist.");
        var result = await service.PublishAsync(definitionId, ct);
        if (!result.Succeeded) return ValidationFailed(result.ValidationErrors);
        return ElsaJson.Ok(WorkflowDefinitionShapes.SaveResponse(result.Definition!, await ElsaCaller.ResolveAsync(context), result.AlreadyPublished));
    }

    private static async Task<IResult> RetractAsync(string definitionId, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        if (await service.FindAsync(definitionId, VersionOptions.Latest, ct) is null)
            return ElsaJson.NotFound($"Workflow definition '{definitionId}' does not exist.");
        var retracted = await service.RetractAsync(definitionId, ct);
        if (retracted is null) return ElsaJson.BadRequest("definitionId", $"Workflow definition '{definitionId}' has no published version to retract.");
        var stored = await service.GetByIdAsync(retracted.Id, ct) ?? retracted;
        return ElsaJson.Ok(WorkflowDefinitionShapes.Full(stored, await ElsaCaller.ResolveAsync(context)));
    }

    private static async Task<IResult> DeleteAsync(string definitionId, IWorkflowDefinitionService service, CancellationToken ct) =>
        await service.DeleteAsync(definitionId, ct) ? Results.NoContent() : ElsaJson.NotFound($"Workflow definition '{definitionId}' does not exist.");

    private static async Task<IResult> DeleteVersionAsync(string id, IWorkflowDefinitionService service, CancellationToken ct) =>
        await service.DeleteVersionAsync(id, ct) ? Results.NoContent() : ElsaJson.NotFound($"Workflow definition version '{id}' does not exist.");

    private static async Task<IResult> RevertAsync(string definitionId, int version, HttpContext context, IWorkflowDefinitionService service, CancellationToken ct)
    {
        var reverted = await service.RevertAsync(definitionId, version, ct);
        return reverted is null
            ? ElsaJson.NotFound($"Workflow definition '{definitionId}' has no version {version}.")
            : ElsaJson.Ok(WorkflowDefinitionShapes.Summary(reverted, await ElsaCaller.ResolveAsync(context)));
    }

    private static async Task<IResult> ImportAsync(HttpContext context, IWorkflowDefinitionService service, string? forcedDefinitionId, CancellationToken ct)
    {
        var (body, error) = await ElsaJson.ReadBodyAsync(context.Request, ct);
        if (error is not null) return error;
        if (body is not JsonObject model) return ElsaJson.BadRequest("body", "The body must be a workflow definition JSON object.");
        if (forcedDefinitionId is not null) model["definitionId"] = forcedDefinitionId;
        var existed = model.GetString("definitionId") is { Length: > 0 } definitionId
                      && await service.FindAsync(definitionId, VersionOptions.Latest, ct) is not null;
        var result = await service.ImportAsync(model, ct);
        if (!result.Succeeded) return ValidationFailed(result.ValidationErrors);
        var full = WorkflowDefinitionShapes.Full(result.Definition!, await ElsaCaller.ResolveAsync(context));
        return existed ? ElsaJson.Ok(full) : ElsaJson.Created(full);
    }

    /// <summary>400 whose <c>errors</c> are keyed by the activity id (or <c>workflow</c>) and name it in each message.</summary>
    public static IResult ValidationFailed(IReadOnlyList<ValidationError> errors) =>
        ElsaJson.BadRequest(errors.GroupBy(e => e.ActivityId ?? "workflow")
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()));
}
