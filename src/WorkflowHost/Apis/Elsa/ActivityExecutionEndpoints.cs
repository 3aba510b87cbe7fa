using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Apis.Elsa;

/// <summary>Activity execution records for the instance viewer (ELSA-API §4.4): badges report, records, summaries, call stack.</summary>
public static class ActivityExecutionEndpoints
{
    public static RouteGroupBuilder MapActivityExecutionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/activity-executions/report", ReportAsync);
        api.MapGet("/activity-executions/list", ListAsync);
        api.MapGet("/activity-execution-summaries/list", ListSummariesAsync);
        api.MapGet("/activity-executions/by-id", (HttpContext context, IWorkflowQueryStore queries, CancellationToken ct) =>
            GetAsync(new ElsaQuery(context.Request.Query).String("id"), queries, ct));
        api.MapGet("/activity-executions/{id}", (string id, IWorkflowQueryStore queries, CancellationToken ct) => GetAsync(id, queries, ct));
        api.MapGet("/activity-executions/count", CountAsync);
        api.MapGet("/activity-executions/{id}/call-stack", CallStackAsync);
        return api;
    }

    public sealed class ReportRequest
    {
        public string? WorkflowInstanceId { get; set; }
        public List<string>? ActivityNodeIds { get; set; }
    }

    private static async Task<IResult> ReportAsync(HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<ReportRequest>(context.Request, ct);
        if (error is not null) return error;
        if (string.IsNullOrEmpty(request.WorkflowInstanceId)) return ElsaJson.BadRequest("workflowInstanceId", "The workflow instance id is required.");
        var stats = await queries.GetActivityStatsAsync(request.WorkflowInstanceId, request.ActivityNodeIds, ct);
        return ElsaJson.Ok(new JsonObject { ["stats"] = JsonSerializer.SerializeToNode(stats, ElsaJson.Options) });
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        if (q.String("WorkflowInstanceId") is not { } instanceId) return ElsaJson.BadRequest("WorkflowInstanceId", "The workflow instance id is required.");
        var records = await queries.ListActivityRecordsAsync(instanceId, q.String("ActivityNodeId"), ct);
        return ElsaJson.Ok(new JsonObject { ["items"] = JsonSerializer.SerializeToNode(records, ElsaJson.Options), ["count"] = records.Count });
    }

    /// <summary>Elsa's <c>{"count"}</c> of an instance's records, optionally of one activity id and only (un)completed ones.</summary>
    private static async Task<IResult> CountAsync(HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var activityId = q.String("ActivityId");
        var completed = q.Bool("Completed");
        if (q.HasErrors) return q.BadRequest();
        if (q.String("WorkflowInstanceId") is not { } instanceId) return ElsaJson.BadRequest("WorkflowInstanceId", "The workflow instance id is required.");
        var records = await queries.ListActivityRecordsAsync(instanceId, null, ct);
        var count = records.Count(r => (activityId is null || r.ActivityId == activityId) && (completed is null || (r.CompletedAt is not null) == completed));
        return ElsaJson.Ok(new JsonObject { ["count"] = count });
    }

    private static async Task<IResult> ListSummariesAsync(HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        if (q.String("WorkflowInstanceId") is not { } instanceId) return ElsaJson.BadRequest("WorkflowInstanceId", "The workflow instance id is required.");
        var records = await queries.ListActivityRecordsAsync(instanceId, q.String("ActivityNodeId"), ct);
        var summaries = new JsonArray(records.Select(Summary).ToArray());
        return ElsaJson.Ok(new JsonObject { ["items"] = summaries, ["count"] = summaries.Count });
    }

    private static JsonNode Summary(ActivityExecutionRecord record)
    {
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["workflowInstanceId"] = record.WorkflowInstanceId,
            ["activityId"] = record.ActivityId,
            ["activityNodeId"] = record.ActivityNodeId,
            ["activityType"] = record.ActivityType,
            ["activityTypeVersion"] = record.ActivityTypeVersion,
            ["startedAt"] = Workflows.Model.JsonValues.ToJson(record.StartedAt),
            ["hasBookmarks"] = record.HasBookmarks,
            ["metadata"] = record.Metadata.DeepClone(),
            ["status"] = record.Status.ToString(),
        };
        if (record.ActivityName is not null) json["activityName"] = record.ActivityName;
        if (record.CompletedAt is { } completedAt) json["completedAt"] = Workflows.Model.JsonValues.ToJson(completedAt);
        return json;
    }

    private static async Task<IResult> GetAsync(string? id, IWorkflowQueryStore queries, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return ElsaJson.BadRequest("id", "The activity execution id is required.");
        return await queries.GetActivityRecordAsync(id, ct) is { } record
            ? Results.Json(record, ElsaJson.Options)
            : ElsaJson.NotFound($"Activity execution '{id}' does not exist.");
    }

    /// <summary>
    /// The chain of executions that scheduled this one, outermost first, ending with it; across parent/child workflows
    /// unless <c>includeCrossWorkflowChain=False</c>.
    /// </summary>
    private static async Task<IResult> CallStackAsync(string id, HttpContext context, IWorkflowQueryStore queries, CancellationToken ct)
    {
        var q = new ElsaQuery(context.Request.Query);
        var crossWorkflow = q.Bool("includeCrossWorkflowChain") ?? true;
        var skip = q.Int("skip") ?? 0;
        var take = q.Int("take", min: 1, max: 1000) ?? 100;
        if (q.HasErrors) return q.BadRequest();
        if (await queries.GetActivityRecordAsync(id, ct) is not { } record) return ElsaJson.NotFound($"Activity execution '{id}' does not exist.");

        var chain = new List<ActivityExecutionRecord> { record };
        var seen = new HashSet<string> { record.Id };
        while (chain[^1].SchedulingActivityExecutionId is { } parentId && seen.Add(parentId)
               && await queries.GetActivityRecordAsync(parentId, ct) is { } parent
               && (crossWorkflow || parent.WorkflowInstanceId == record.WorkflowInstanceId))
            chain.Add(parent);
        chain.Reverse();
        return ElsaJson.Ok(new JsonObject
        {
            ["activityExecutionId"] = id,
            ["items"] = JsonSerializer.SerializeToNode(chain.Skip(skip).Take(take).ToList(), ElsaJson.Options),
            ["totalCount"] = chain.Count,
        });
    }
}
