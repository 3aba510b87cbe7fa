using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Notifications;

/// <summary>
/// A RunTask activity asks for work to be done (a human task). Published inside the commit that creates the task's
/// bookmark; the domain turns it into an inbox item. Complete it with <c>IWorkflowRuntime.CompleteTaskAsync(TaskId, result)</c>.
/// </summary>
public sealed record RunTaskRequested(string TaskId, string TaskName, JsonObject? Payload, string WorkflowInstanceId,
    string WorkflowDefinitionId, string WorkflowDefinitionVersionId, string ActivityId, string ActivityNodeId,
    string ActivityInstanceId, string? CorrelationId, DateTimeOffset RequestedAt) : INotification;

/// <summary>A RunTask's task was completed (its bookmark consumed). Published in the commit of the resumed burst.</summary>
public sealed record RunTaskCompleted(string TaskId, string WorkflowInstanceId, string ActivityId, JsonNode? Result,
    DateTimeOffset CompletedAt) : INotification;

/// <summary>An instance ended (Finished with sub-status Finished, Cancelled or Faulted). Published in its final commit.</summary>
public sealed record WorkflowFinished(string WorkflowInstanceId, string DefinitionId, string DefinitionVersionId,
    WorkflowSubStatus SubStatus, string? CorrelationId, string? ParentWorkflowInstanceId) : INotification;

/// <summary>An activity faulted; the incident is on the instance.</summary>
public sealed record IncidentRecorded(string WorkflowInstanceId, ActivityIncident Incident) : INotification;

/// <summary>A new instance was created (published in its first commit).</summary>
public sealed record WorkflowStarted(string WorkflowInstanceId, string DefinitionId, string DefinitionVersionId, string? CorrelationId) : INotification;

/// <summary>A definition version was published; its trigger timers were (re)scheduled in the same commit.</summary>
public sealed record WorkflowDefinitionPublished(string DefinitionId, string DefinitionVersionId, int Version) : INotification;

/// <summary>A definition's published version was retracted; its trigger timers were removed.</summary>
public sealed record WorkflowDefinitionRetracted(string DefinitionId, string DefinitionVersionId, int Version) : INotification;

/// <summary>Definition versions were deleted.</summary>
public sealed record WorkflowDefinitionDeleted(string DefinitionId, IReadOnlyList<string> VersionIds) : INotification;
