using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.ReportingChains.Inbox;

/// <summary>
/// Who an inbox item is for: its explicit assignees, and the members of its unit on the day in question whose
/// membership matches its required role. This is the one place that rule lives (the inbox list and the completion
/// check both ask it); admins are let through by the caller.
/// </summary>
public static class InboxAudience
{
    public const string Drafter = "Drafter";
    public const string Head = "Head";
    public const string Collective = "Collective";
    /// <summary>A body receiving reports for another (the via body): every member of it may acknowledge or return one.</summary>
    public const string Receiver = "Receiver";

    /// <summary>An item with neither unit nor assignees: only admins and designers see it.</summary>
    public static bool IsUnrouted(InboxItem item) => item.UnitCode is null && item.Assignees.Count == 0;

    public static bool Includes(InboxItem item, string userName, OrganisationSnapshot organisation)
    {
        if (item.Assignees.Any(a => string.Equals(a, userName, StringComparison.OrdinalIgnoreCase)))
            return true;
        if (item.UnitCode is null)
            return false;
        return MembersFor(item.UnitCode, item.RequiredRole, organisation)
            .Any(m => string.Equals(m.UserName, userName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The memberships of <paramref name="unitCode"/> a required role admits (all members when none is given).</summary>
    public static IReadOnlyList<Membership> MembersFor(string unitCode, string? requiredRole, OrganisationSnapshot organisation) =>
        requiredRole switch
        {
            null or "" => organisation.Members(unitCode),
            _ when Is(requiredRole, Receiver) => organisation.Members(unitCode),
            _ when Is(requiredRole, Drafter) => organisation.Drafters(unitCode),
            _ when Is(requiredRole, Collective) => organisation.Collective(unitCode),
            // The unit's leadership: who signs, and their deputies.
            _ when Is(requiredRole, Head) => organisation.Members(unitCode).Where(m => m.Role is MemberRole.Secretary
                or MemberRole.DeputySecretary or MemberRole.Head or MemberRole.DeputyHead).ToList(),
            _ when Enum.TryParse<MemberRole>(requiredRole, ignoreCase: true, out var role) =>
                organisation.Members(unitCode).Where(m => m.Role == role).ToList(),
            _ => [],
        };

    private static bool Is(string value, string role) => string.Equals(value, role, StringComparison.OrdinalIgnoreCase);
}
