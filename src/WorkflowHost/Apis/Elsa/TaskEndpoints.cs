using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// <c>POST /tasks/{taskId}/complete</c> (ELSA-API §7.4): resumes the Elsa.RunTask bookmark with the result. Unlike
/// Elsa, an unknown or already completed task is a 404, so a caller knows its answer went nowhere.
/// </summary>
public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{taskId}/complete", CompleteAsync).RequireAuthorization(Policies.ActOnTasks);
        return api;
    }

    public sealed class CompleteRequest
    {
        public JsonNode? Result { get; set; }
    }

    private static async Task<IResult> CompleteAsync(string taskId, HttpContext context, IWorkflowRuntime runtime, CancellationToken ct)
    {
        var (request, error) = await ElsaJson.ReadBodyAsync<CompleteRequest>(context.Request, ct);
        if (error is not null) return error;
        var result = await runtime.CompleteTaskAsync(taskId, request.Result, ct);
        return result.Outcome == ResumeOutcome.Resumed
            ? Results.Ok()
            : ElsaJson.NotFound(result.Message ?? $"Task '{taskId}' does not exist or has already been completed.");
    }
}
