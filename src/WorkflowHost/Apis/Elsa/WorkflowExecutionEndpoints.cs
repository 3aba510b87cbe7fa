using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Running a definition (ELSA-API §4.2). <c>execute</c> runs the first burst now — Studio's Run sends
/// <c>versionOptions: "Latest"</c>, so drafts run, and reads only the <c>x-elsa-workflow-instance-id</c> and
/// <c>x-elsa-workflow-cannot-start</c> headers. <c>dispatch</c> queues the start (the scheduler runs it) and answers
/// the new instance id at once.
/// </summary>
public static class WorkflowExecutionEndpoints
{
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";
    public const string CannotStartHeader = "x-elsa-workflow-cannot-start";
    public const string ElsaResponseHeader = "x-elsa-response";

    public static RouteGroupBuilder MapWorkflowExecutionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync).RequireAuthorization(Policies.DesignWorkflows);
        api.MapPost("/workflow-definitions/{definitionId}/dispatch", DispatchAsync).RequireAuthorization(Policies.DesignWorkflows);
        return api;
    }

    public sealed class ExecuteRequest
    {
        public string? CorrelationId { get; set; }
        public string? Name { get; set; }
        public string? TriggerActivityId { get; set; }
        public string? VersionOptions { get; set; }
        public JsonObject? Input { get; set; }
    }

    public sealed class DispatchRequest
    {
        public string? InstanceId { get; set; }
        public string? CorrelationId { get; set; }
        public string? TriggerActivityId { get; set; }
        public string? VersionOptions { get; set; }
        public JsonObject? Input { get; set; }
        /// <summary>Accepted for Elsa's clients; this host has one dispatch queue.</summary>
        public string? Channel { get; set; }
    }

    /// <summary>Elsa's default when no version is named: the published one.</summary>
    private static async Task<IResult> DispatchAsync(string definitionId, HttpContext context, WorkflowDispatcher dispatcher, IWorkflowStateStore states, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<DispatchRequest>(context.Request, ct);
        if (error is not null) return error;
        var versionOptions = Workflows.Model.VersionOptions.Published;
        if (!string.IsNullOrWhiteSpace(request.VersionOptions) && !Workflows.Model.VersionOptions.TryParse(request.VersionOptions, out versionOptions))
            return ElsaJson.BadRequest("versionOptions", $"'{request.VersionOptions}' is not a version option.");
        if (request.InstanceId is { } wanted && (string.IsNullOrWhiteSpace(wanted) || await states.GetInstanceAsync(wanted, ct) is not null))
            return ElsaJson.BadRequest("instanceId", $"'{wanted}' cannot be used as a new instance id: it is empty or an instance with this id exists.");
        try
        {
            var instanceId = await dispatcher.DispatchAsync(new StartWorkflowRequest
            {
                DefinitionId = definitionId,
                VersionOptions = versionOptions,
                InstanceId = request.InstanceId,
                CorrelationId = request.CorrelationId,
                TriggerActivityId = request.TriggerActivityId,
                Input = request.Input,
            }, ct);
            return ElsaJson.Ok(new JsonObject { ["workflowInstanceId"] = instanceId });
        }
        catch (WorkflowDefinitionNotFoundException notFound)
        {
            return ElsaJson.NotFound(notFound.Message);
        }
    }

    private static async Task<IResult> ExecuteAsync(string definitionId, HttpContext context, IWorkflowRuntime runtime, IWorkflowStateStore states, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<ExecuteRequest>(context.Request, ct);
        if (error is not null) return error;
        var versionOptions = Workflows.Model.VersionOptions.Published;
        if (!string.IsNullOrWhiteSpace(request.VersionOptions) && !Workflows.Model.VersionOptions.TryParse(request.VersionOptions, out versionOptions))
            return ElsaJson.BadRequest("versionOptions", $"'{request.VersionOptions}' is not a version option.");

        WorkflowRunResult run;
        try
        {
            run = await runtime.StartAsync(new StartWorkflowRequest
            {
                DefinitionId = definitionId,
                VersionOptions = versionOptions,
                CorrelationId = request.CorrelationId,
                Name = request.Name,
                TriggerActivityId = request.TriggerActivityId,
                Input = request.Input,
            }, ct);
        }
        catch (WorkflowDefinitionNotFoundException notFound)
        {
            context.Response.Headers[CannotStartHeader] = "True";
            return ElsaJson.NotFound(notFound.Message);
        }
        var instance = await states.GetInstanceAsync(run.InstanceId, ct);
        context.Response.Headers[InstanceIdHeader] = run.InstanceId;
        context.Response.Headers[CannotStartHeader] = "False";
        context.Response.Headers[ElsaResponseHeader] = "true";
        return ElsaJson.Ok(new JsonObject { ["workflowState"] = instance is null ? new JsonObject() : WorkflowInstanceShapes.State(instance) });
    }
}
