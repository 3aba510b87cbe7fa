using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// Starts, resumes, cancels and retries workflow instances. Every call is one burst per instance: instance lock →
/// load → run → one commit. Safe to call concurrently; one instance never runs twice at once.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts a new instance. Throws <see cref="WorkflowDefinitionNotFoundException"/> when no version matches.</summary>
    Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a human/external task created by Elsa.RunTask: resumes its bookmark with input
    /// <c>{"RunTaskInput": result}</c>. Unknown or already completed task id → <see cref="ResumeOutcome.NotFound"/>.
    /// </summary>
    Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark of one instance (exactly once: a consumed bookmark answers NotFound).</summary>
    Task<ResumeResult> ResumeBookmarkAsync(string instanceId, string bookmarkId, JsonObject? input = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes every bookmark with this name and stimulus key (optionally only in instances with a correlation id).</summary>
    Task<IReadOnlyList<ResumeResult>> ResumeAsync(string bookmarkName, string stimulusKey, JsonObject? input = null,
        string? correlationId = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes Elsa.Event activities waiting for <paramref name="eventName"/> (and correlation id, if given).</summary>
    Task<IReadOnlyList<ResumeResult>> PublishEventAsync(string eventName, string? correlationId = null, JsonNode? payload = null,
        CancellationToken cancellationToken = default);

    /// <summary>Cancels a running instance; its bookmarks and timers are removed in the same commit. False if unknown or finished.</summary>
    Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Re-runs the faulted activities of a faulted instance (default fault strategy). Null if nothing to retry.</summary>
    Task<WorkflowRunResult?> RetryAsync(string instanceId, CancellationToken cancellationToken = default);
}
