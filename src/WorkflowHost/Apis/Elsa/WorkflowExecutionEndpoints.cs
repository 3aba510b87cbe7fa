using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Running a definition from Studio (ELSA-API §4.2 execute): Studio sends <c>versionOptions: "Latest"</c>, so drafts run;
/// it reads only the <c>x-elsa-workflow-instance-id</c> and <c>x-elsa-workflow-cannot-start</c> headers.
/// </summary>
public static class WorkflowExecutionEndpoints
{
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";
    public const string CannotStartHeader = "x-elsa-workflow-cannot-start";
    public const string ElsaResponseHeader = "x-elsa-response";

    public static RouteGroupBuilder MapWorkflowExecutionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync).RequireAuthorization(Policies.DesignWorkflows);
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
