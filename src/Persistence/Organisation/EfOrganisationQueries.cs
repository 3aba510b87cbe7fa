using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence.Organisation;

/// <summary>
/// Loads the units and memberships valid on the day (filtered in SQL) and answers from an
/// <see cref="OrganisationSnapshot"/>; an organisation is a few thousand rows, so one read per question is cheap.
/// </summary>
public sealed class EfOrganisationQueries(WorkflowHostDbContext db) : IOrganisationQueries
{
    public async Task<OrganisationSnapshot> SnapshotAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ValidFrom <= asOf && (u.ValidTo == null || asOf <= u.ValidTo))
            .Include(u => u.ReceivesVia)
            .ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.ValidFrom <= asOf && (m.ValidTo == null || asOf <= m.ValidTo))
            .ToListAsync(cancellationToken);
        return new OrganisationSnapshot(asOf, units, members);
    }

    public async Task<IReadOnlyList<OrgTreeNode>> TreeAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Tree();

    public async Task<OrgUnit?> FindUnitAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        await db.OrgUnits.AsNoTracking().Include(u => u.ReceivesVia)
            .SingleOrDefaultAsync(u => u.Code == code && u.ValidFrom <= asOf && (u.ValidTo == null || asOf <= u.ValidTo),
                cancellationToken);

    public async Task<IReadOnlyList<OrgUnit>> ChildrenAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Children(code);

    public async Task<IReadOnlyList<OrgUnit>> DescendantsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Descendants(code);

    public async Task<IReadOnlyList<OrgUnit>> AncestorsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Ancestors(code);

    public async Task<OrgUnit?> ViaBodyAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).ViaBody(code);

    public async Task<IReadOnlyList<Membership>> MembersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Members(code);

    public async Task<IReadOnlyList<Membership>> CollectiveAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Collective(code);

    public async Task<IReadOnlyList<Membership>> DraftersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Drafters(code);

    public async Task<Membership?> HeadAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).Head(code);

    public async Task<IReadOnlyList<OrgUnit>> UnitsOfUserAsync(string userName, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(asOf, cancellationToken)).UnitsOfUser(userName);
}
