using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Workflow instances (ELSA-API §4.3): list with filters, one instance, journal, execution state, variables, cancel, delete.</summary>
public static class WorkflowInstanceEndpoints
{
    public static RouteGroupBuilder MapWorkflowInstanceEndpoints(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/workflow-instances");
        instances.MapPost("", ListAsync);
        instances.MapGet("/{id}", GetAsync);
        instances.MapGet("/{id}/execution-state", GetExecutionStateAsync);
        instances.MapGet("/{id}/journal", JournalAsync);
        instances.MapPost("/{id}/journal", JournalAsync);
        instances.MapGet("/{id}/variables", GetVariablesAsync);
        instances.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.DesignWorkflows);

        api.MapPost("/cancel/workflow-instances/{id}", CancelAsync).RequireAuthorization(Policies.DesignWorkflows);
        api.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancelAsync).RequireAuthorization(Policies.DesignWorkflows);
        api.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDeleteAsync).RequireAuthorization(Policies.DesignWorkflows);
        return api;
    }

    /// <summary>The list body Studio posts (ELSA-API §3.3); <c>orderBy</c> accepts Studio's <c>LastExecuted</c>.</summary>
    public sealed class ListRequest
    {
        public int? Page { get; set; }
        public int? PageSize { get; set; }
        public string? SearchTerm { get; set; }
        public string? DefinitionId { get; set; }
        public List<string>? DefinitionIds { get; set; }
        public string? CorrelationId { get; set; }
        public string? Name { get; set; }
        public int? Version { get; set; }
        public bool? HasIncidents { get; set; }
        public bool? IsSystem { get; set; }
        public WorkflowStatus? Status { get; set; }
        public List<WorkflowStatus>? Statuses { get; set; }
        public WorkflowSubStatus? SubStatus { get; set; }
        public List<WorkflowSubStatus>? SubStatuses { get; set; }
        public InstanceOrderBy? OrderBy { get; set; }
        public OrderDirection? OrderDirection { get; set; }
        public List<TimestampFilter>? TimestampFilters { get; set; }
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<ListRequest>(context.Request, ct);
        if (error is not null) return error;
        if (request.Page < 0) return ElsaJson.BadRequest("page", "The page must not be negative.");
        if (request.PageSize is < 1 or > 1000) return ElsaJson.BadRequest("pageSize", "The page size must be between 1 and 1000.");
        var definitionIds = (request.DefinitionIds ?? []).Concat(request.DefinitionId is { Length: > 0 } one ? [one] : []).ToList();
        var statuses = (request.Statuses ?? []).Concat(request.Status is { } s ? [s] : []).ToList();
        var subStatuses = (request.SubStatuses ?? []).Concat(request.SubStatus is { } ss ? [ss] : []).ToList();
        var page = await queries.QueryInstancesAsync(new WorkflowInstanceQuery
        {
            Page = request.Page,
            PageSize = request.PageSize,
            SearchTerm = string.IsNullOrWhiteSpace(request.SearchTerm) ? null : request.SearchTerm.Trim(),
            DefinitionIds = definitionIds.Count > 0 ? definitionIds : null,
            CorrelationId = string.IsNullOrEmpty(request.CorrelationId) ? null : request.CorrelationId,
            Name = string.IsNullOrEmpty(request.Name) ? null : request.Name,
            Version = request.Version,
            HasIncidents = request.HasIncidents,
            IsSystem = request.IsSystem,
            Statuses = statuses.Count > 0 ? statuses : null,
            SubStatuses = subStatuses.Count > 0 ? subStatuses : null,
            TimestampFilters = request.TimestampFilters is { Count: > 0 } filters ? filters : null,
            OrderBy = request.OrderBy,
            OrderDirection = request.OrderDirection,
        }, ct);
        return ElsaJson.Ok(new JsonObject
        {
            ["items"] = new JsonArray(page.Items.Select(WorkflowInstanceShapes.Summary).ToArray()),
            ["totalCount"] = page.TotalCount,
        });
    }

    private static async Task<IResult> GetAsync(string id, IWorkflowStateStore states, CancellationToken ct) =>
        await states.GetInstanceAsync(id, ct) is { } instance
            ? ElsaJson.Ok(WorkflowInstanceShapes.Instance(instance))
            : InstanceNotFound(id);

    private static async Task<IResult> GetExecutionStateAsync(string id, IWorkflowStateStore states, CancellationToken ct) =>
        await states.GetInstanceAsync(id, ct) is { } instance
            ? ElsaJson.Ok(new JsonObject
            {
                ["status"] = instance.Status.ToString(),
                ["subStatus"] = instance.SubStatus.ToString(),
                ["updatedAt"] = Workflows.Model.JsonValues.ToJson(instance.UpdatedAt),
            })
            : InstanceNotFound(id);

    /// <summary>The journal body (all optional); GET takes the same paging from the query.</summary>
    public sealed class JournalRequest
    {
        public JournalFilter? Filter { get; set; }
    }

    private static async Task<IResult> JournalAsync(string id, HttpContext context, IWorkflowStateStore states, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var pageSize = q.Int("pageSize", min: 1);
        var skip = q.Int("skip") ?? (q.Int("page") ?? 0) * (pageSize ?? 0);
        var take = q.Int("take", min: 1) ?? pageSize ?? int.MaxValue;
        if (q.HasErrors) return q.BadRequest();
        var filter = default(JournalFilter);
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var (request, error) = await ElsaJson.ReadBodyAsync<JournalRequest>(context.Request, ct);
            if (error is not null) return error;
            filter = request.Filter;
        }
        if (await states.GetInstanceAsync(id, ct) is null) return InstanceNotFound(id);
        var page = await queries.QueryJournalAsync(id, filter, skip, take, ct);
        return ElsaJson.Ok(new JsonObject
        {
            ["items"] = System.Text.Json.JsonSerializer.SerializeToNode(page.Items, ElsaJson.Options),
            ["totalCount"] = page.TotalCount,
        });
    }

    /// <summary>Declared variables (workflow and flowchart level) with their current values, matched by id as Studio does.</summary>
    private static async Task<IResult> GetVariablesAsync(string id, IWorkflowStateStore states, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        if (await states.GetInstanceAsync(id, ct) is not { } instance) return InstanceNotFound(id);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await definitions.GetByIdAsync(instance.DefinitionVersionId, ct) is { } definition)
        {
            var declared = (definition.Model["variables"] as JsonArray ?? []).ToList();
            if (definition.Model["root"] is JsonObject root)
                foreach (var (activity, _, _) in ActivityJson.Walk(root))
                    declared.AddRange(activity["variables"] as JsonArray ?? []);
            foreach (var variable in declared.OfType<JsonObject>())
                if (variable["id"]?.GetValue<string>() is { } variableId)
                    names[variableId] = variable["name"]?.GetValue<string>() ?? variableId;
        }
        var items = new JsonArray(instance.Variables.Select(v => (JsonNode)new JsonObject
        {
            ["id"] = v.Key,
            ["name"] = names.GetValueOrDefault(v.Key, v.Key),
            ["value"] = v.Value?.DeepClone(),
        }).ToArray());
        return ElsaJson.Ok(new JsonObject { ["items"] = items, ["count"] = items.Count });
    }

    private static async Task<IResult> CancelAsync(string id, IWorkflowStateStore states, IWorkflowRuntime runtime, CancellationToken ct)
    {
        if (await states.GetInstanceAsync(id, ct) is not { } instance) return InstanceNotFound(id);
        if (instance.Status == WorkflowStatus.Finished)
            return ElsaJson.Conflict($"Workflow instance '{id}' has already finished ({instance.SubStatus}); there is nothing to cancel.");
        await runtime.CancelAsync(id, ct);
        return Results.Ok();
    }

    private static async Task<IResult> DeleteAsync(string id, IWorkflowStateStore states, CancellationToken ct) =>
        await states.DeleteInstanceAsync(id, ct) ? Results.NoContent() : InstanceNotFound(id);

    public sealed class BulkCancelRequest
    {
        public List<string>? Ids { get; set; }
        public string? DefinitionVersionId { get; set; }
        public string? DefinitionId { get; set; }
        public string? VersionOptions { get; set; }
    }

    /// <summary>Cancels the listed running instances, or every running instance of a definition (version).</summary>
    private static async Task<IResult> BulkCancelAsync(HttpContext context, IWorkflowQueryStore queries, IWorkflowRuntime runtime, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<BulkCancelRequest>(context.Request, ct);
        if (error is not null) return error;
        if (request.Ids is not { Count: > 0 } && request.DefinitionVersionId is null && request.DefinitionId is null)
            return ElsaJson.BadRequest("ids", "Give the instance ids, a definition version id or a definition id.");
        var running = await queries.QueryInstancesAsync(new WorkflowInstanceQuery
        {
            Ids = request.Ids is { Count: > 0 } ids ? ids : null,
            DefinitionVersionIds = request.DefinitionVersionId is { } versionId ? [versionId] : null,
            DefinitionIds = request.DefinitionId is { } definitionId ? [definitionId] : null,
            Statuses = [WorkflowStatus.Running],
        }, ct);
        var cancelled = 0;
        foreach (var instance in running.Items)
            if (await runtime.CancelAsync(instance.Id, ct)) cancelled++;
        return ElsaJson.Ok(new JsonObject { ["cancelled"] = cancelled });
    }

    public sealed class IdsRequest
    {
        public List<string>? Ids { get; set; }
    }

    private static async Task<IResult> BulkDeleteAsync(HttpContext context, IWorkflowStateStore states, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<IdsRequest>(context.Request, ct);
        if (error is not null) return error;
        var deleted = 0;
        foreach (var id in request.Ids ?? [])
            if (await states.DeleteInstanceAsync(id, ct)) deleted++;
        return ElsaJson.Ok(new JsonObject { ["deleted"] = deleted });
    }

    public static IResult InstanceNotFound(string id) => ElsaJson.NotFound($"Workflow instance '{id}' does not exist.");
}
