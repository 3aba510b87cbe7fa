namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>
/// As-of queries over the organisation. Every method takes the day the question is about; a plan passes its own
/// pinned date so its chain is the tree of the day it was issued.
/// </summary>
public interface IOrganisationQueries
{
    /// <summary>The whole organisation as of <paramref name="asOf"/>; use it when asking several questions.</summary>
    Task<OrganisationSnapshot> SnapshotAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrgTreeNode>> TreeAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The unit when it is valid on <paramref name="asOf"/>, else null.</summary>
    Task<OrgUnit?> FindUnitAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrgUnit>> ChildrenAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrgUnit>> DescendantsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>Parent first, root last.</summary>
    Task<IReadOnlyList<OrgUnit>> AncestorsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The body receiving incoming reports for the unit; null when it receives directly.</summary>
    Task<OrgUnit?> ViaBodyAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Membership>> MembersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The voting members (rule: <see cref="OrganisationSnapshot.Collective"/>).</summary>
    Task<IReadOnlyList<Membership>> CollectiveAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Membership>> DraftersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    Task<Membership?> HeadAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The units the login is a member of on <paramref name="asOf"/> (approver scoping).</summary>
    Task<IReadOnlyList<OrgUnit>> UnitsOfUserAsync(string userName, DateOnly asOf, CancellationToken cancellationToken = default);
}
