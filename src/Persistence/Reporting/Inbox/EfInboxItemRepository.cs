using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Inbox;

namespace WorkflowHost.Persistence.Reporting.Inbox;

public sealed class EfInboxItemRepository(WorkflowHostDbContext db) : IInboxItemRepository
{
    private DbSet<InboxItem> Items => db.Set<InboxItem>();

    public Task<InboxItem?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    // The handlers run before the engine's commit saves: an item added earlier in the same commit is only in the
    // change tracker, so it is looked for there first.
    public async Task<InboxItem?> FindByTaskIdAsync(string taskId, CancellationToken cancellationToken = default) =>
        Items.Local.FirstOrDefault(i => i.TaskId == taskId)
        ?? await Items.FirstOrDefaultAsync(i => i.TaskId == taskId, cancellationToken);

    public async Task<IReadOnlyList<InboxItem>> ListOpenOfInstanceAsync(string workflowInstanceId, CancellationToken cancellationToken = default)
    {
        var stored = await Items.Where(i => i.WorkflowInstanceId == workflowInstanceId && i.Status == InboxItemStatus.Open)
            .ToListAsync(cancellationToken);
        return stored.Union(Items.Local.Where(i => i.WorkflowInstanceId == workflowInstanceId))
            .Where(i => i.Status == InboxItemStatus.Open).ToList();
    }

    public void Add(InboxItem item) => Items.Add(item);
}
