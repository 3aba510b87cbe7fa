using System.Security.Claims;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Identity;

/// <summary>Approvers act on the units they are a member of on the day in question; admins act everywhere.</summary>
public sealed class ApproverScope(IOrganisationQueries organisation)
{
    public Task<IReadOnlyList<OrgUnit>> UnitsOfAsync(string userName, DateOnly asOf, CancellationToken cancellationToken = default) =>
        organisation.UnitsOfUserAsync(userName, asOf, cancellationToken);

    public async Task<bool> CanActOnAsync(ClaimsPrincipal user, string unitCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(Roles.Admin))
            return true;
        if (!user.IsInRole(Roles.Approver) || user.Identity?.Name is not { } userName)
            return false;
        return (await UnitsOfAsync(userName, asOf, cancellationToken)).Any(u => u.Code == unitCode);
    }
}
