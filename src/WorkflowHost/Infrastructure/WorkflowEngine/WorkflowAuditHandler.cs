using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>
/// Audit records of engine decisions — instance started / finished / cancelled / faulted, task completed — written
/// inside the engine's commit (the notifications are published in its transaction, through its scope), so the record
/// exists exactly when the decision does. The actor is <see cref="WorkflowActor"/>, else the request's user, else "system".
/// </summary>
public sealed class WorkflowAuditHandler(IAuditTrail trail, ICurrentUser currentUser) :
    INotificationHandler<WorkflowStarted>, INotificationHandler<WorkflowFinished>, INotificationHandler<RunTaskCompleted>
{
    /// <summary>Vietnamese text stays readable in the audit trail.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string Actor => WorkflowActor.Current ?? currentUser.UserName ?? "system";

    public Task Handle(WorkflowStarted notification, CancellationToken cancellationToken) =>
        trail.AppendAsync(new AuditEntry("WorkflowStarted", $"workflow-definition:{notification.DefinitionId}",
            WorkflowInstanceId: notification.WorkflowInstanceId,
            AfterJson: new JsonObject { ["definitionVersionId"] = notification.DefinitionVersionId, ["correlationId"] = notification.CorrelationId }.ToJsonString(Json)),
            Actor, cancellationToken);

    public Task Handle(WorkflowFinished notification, CancellationToken cancellationToken) =>
        trail.AppendAsync(new AuditEntry(notification.SubStatus switch
            {
                WorkflowSubStatus.Cancelled => "WorkflowCancelled",
                WorkflowSubStatus.Faulted => "WorkflowFaulted",
                _ => "WorkflowFinished",
            }, $"workflow-definition:{notification.DefinitionId}", WorkflowInstanceId: notification.WorkflowInstanceId,
            AfterJson: new JsonObject { ["subStatus"] = notification.SubStatus.ToString() }.ToJsonString(Json)),
            Actor, cancellationToken);

    public Task Handle(RunTaskCompleted notification, CancellationToken cancellationToken) =>
        trail.AppendAsync(new AuditEntry("TaskCompleted", $"task:{notification.TaskId}", WorkflowInstanceId: notification.WorkflowInstanceId,
            AfterJson: new JsonObject { ["activityId"] = notification.ActivityId, ["result"] = notification.Result?.DeepClone() }.ToJsonString(Json)),
            Actor, cancellationToken);
}
