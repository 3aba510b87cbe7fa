namespace WorkflowHost.ReportingChains.Inbox;

/// <summary>
/// Inbox items. Nothing here saves: changes are written by the unit of work of the caller (a command's transaction,
/// or the engine's commit for the notification handlers).
/// </summary>
public interface IInboxItemRepository
{
    Task<InboxItem?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<InboxItem?> FindByTaskIdAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Open items of an instance, including ones added in the current unit of work.</summary>
    Task<IReadOnlyList<InboxItem>> ListOpenOfInstanceAsync(string workflowInstanceId, CancellationToken cancellationToken = default);

    void Add(InboxItem item);
}

/// <summary>How much of the inbox a user sees besides their own items.</summary>
public enum InboxScope
{
    /// <summary>Items whose audience includes the user (<see cref="InboxAudience"/>).</summary>
    Own,
    /// <summary>Also items with neither unit nor assignees (designers: tasks of workflows not yet routed).</summary>
    OwnAndUnrouted,
    /// <summary>Every open item (admins).</summary>
    All,
}

/// <summary>What a user's Hộp việc shows.</summary>
public interface IInboxQueries
{
    /// <summary>Open items for <paramref name="userName"/> as of <paramref name="asOf"/>, earliest due first.</summary>
    Task<IReadOnlyList<InboxItem>> OpenItemsForAsync(string userName, InboxScope scope, DateOnly asOf,
        CancellationToken cancellationToken = default);
}
