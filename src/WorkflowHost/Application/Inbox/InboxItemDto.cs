using System.Security.Claims;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Inbox;

public sealed record InboxItemDto(
    Guid Id,
    string TaskId,
    string WorkflowInstanceId,
    string? WorkflowDefinitionId,
    string Kind,
    string Title,
    string? Description,
    string? UnitCode,
    string? UnitName,
    string? RequiredRole,
    IReadOnlyList<string> Assignees,
    string? PayloadJson,
    DateTime CreatedAtUtc,
    DateTime? DueAtUtc,
    InboxItemStatus Status,
    string? CompletedBy,
    DateTime? CompletedAtUtc)
{
    public static InboxItemDto From(InboxItem item, OrganisationSnapshot? organisation) => new(
        item.Id, item.TaskId, item.WorkflowInstanceId, item.WorkflowDefinitionId, item.Kind, item.Title,
        item.Description, item.UnitCode,
        item.UnitCode is null ? null : organisation?.Find(item.UnitCode)?.Name,
        item.RequiredRole, item.Assignees, item.PayloadJson, item.CreatedAtUtc, item.DueAtUtc, item.Status,
        item.CompletedBy, item.CompletedAtUtc);
}

/// <summary>Who sees and completes what in the inbox: the audience rule of the domain, admins everything, designers
/// also the tasks no workflow has routed yet (they are the ones to fix the routing).</summary>
public static class InboxAccess
{
    public static InboxScope ScopeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? InboxScope.All
        : user.IsInRole(Roles.Designer) ? InboxScope.OwnAndUnrouted
        : InboxScope.Own;

    public static bool CanSee(ClaimsPrincipal user, InboxItem item, OrganisationSnapshot organisation) =>
        ScopeOf(user) switch
        {
            InboxScope.All => true,
            var scope => user.Identity?.Name is { } name && (InboxAudience.Includes(item, name, organisation)
                || (scope == InboxScope.OwnAndUnrouted && InboxAudience.IsUnrouted(item))),
        };

    /// <summary>Approvers complete the items whose audience includes them today; admins any.</summary>
    public static bool CanComplete(ClaimsPrincipal user, InboxItem item, OrganisationSnapshot organisation) =>
        user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Approver) && user.Identity?.Name is { } name && InboxAudience.Includes(item, name, organisation));
}
