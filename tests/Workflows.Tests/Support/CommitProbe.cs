using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Tests.Support;

/// <summary>
/// The engine's state store, seen through a wrapper that counts the commits per instance and can run a step just
/// before a commit reaches the store (to interleave another host, or throw as a crash before the commit would).
/// </summary>
public sealed class CommitProbe(InMemoryWorkflowStore inner) : IWorkflowStateStore
{
    private readonly ConcurrentDictionary<string, int> _commits = new();

    /// <summary>Runs before each commit is handed to the store; throwing makes that commit not happen.</summary>
    public Func<WorkflowCommit, Task>? BeforeCommit { get; set; }

    /// <summary>Runs after a task completion's bookmark-and-state read, before the runtime takes the instance lock.</summary>
    public Func<BookmarkedInstance, Task>? AfterBookmarkRead { get; set; }

    public int CommitsOf(string instanceId) => _commits.GetValueOrDefault(instanceId);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<CommitProbe>();
        services.AddSingleton<IWorkflowStateStore>(sp => sp.GetRequiredService<CommitProbe>());
    }

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        if (BeforeCommit is { } before) await before(commit);
        await inner.CommitAsync(commit, cancellationToken);
        foreach (var written in commit.SelfAndChildren()) _commits.AddOrUpdate(written.Instance.Id, 1, (_, count) => count + 1);
    }

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string hash, string? correlationId = null, CancellationToken cancellationToken = default) =>
        inner.FindBookmarksAsync(name, hash, correlationId, cancellationToken);

    public async Task<BookmarkedInstance?> FindBookmarkWithInstanceAsync(string name, string hash, CancellationToken cancellationToken = default)
    {
        var found = await ((IWorkflowStateStore)inner).FindBookmarkWithInstanceAsync(name, hash, cancellationToken);
        if (found is not null && AfterBookmarkRead is { } after) await after(found);
        return found;
    }

    public Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.DeleteInstanceAsync(instanceId, cancellationToken);
}
