using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Persistence.Reporting.Inbox;

/// <summary>
/// A user's open items: the role rule of <see cref="InboxAudience"/> against the organisation of the day, applied to
/// the open items. Only open items are read (work in flight, not history); assignees live in a JSON column, so the
/// rule runs in memory rather than in SQL.
/// </summary>
public sealed class EfInboxQueries(WorkflowHostDbContext db, IOrganisationQueries organisation) : IInboxQueries
{
    public async Task<IReadOnlyList<InboxItem>> OpenItemsForAsync(string userName, InboxScope scope, DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        var open = db.Set<InboxItem>().AsNoTracking().Where(i => i.Status == InboxItemStatus.Open);
        if (scope == InboxScope.All)
            return Ordered(await open.ToListAsync(cancellationToken));

        var snapshot = await organisation.SnapshotAsync(asOf, cancellationToken);
        var candidates = await open.ToListAsync(cancellationToken);
        return Ordered(candidates.Where(i => InboxAudience.Includes(i, userName, snapshot)
                                             || (scope == InboxScope.OwnAndUnrouted && InboxAudience.IsUnrouted(i))));
    }

    private static List<InboxItem> Ordered(IEnumerable<InboxItem> items) =>
        items.OrderBy(i => i.DueAtUtc ?? DateTime.MaxValue).ThenBy(i => i.CreatedAtUtc).ToList();
}
