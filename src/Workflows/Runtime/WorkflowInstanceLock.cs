using System.Collections.Concurrent;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// Ensures one instance runs on one logical thread at a time. Taken around every start/resume/cancel/retry burst.
/// This in-process keyed lock covers one host; a PostgreSQL advisory-lock implementation covers several (the
/// commit's row-version check is the final guard either way).
/// </summary>
public interface IWorkflowInstanceLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default);
}

public sealed class InProcessWorkflowInstanceLock : IWorkflowInstanceLock
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(instanceId, _ => new Entry());
            lock (entry)
            {
                if (!entry.Removed) { entry.Users++; break; }
            }
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(instanceId, entry, releaseSemaphore: false);
            throw;
        }
        return new Releaser(() => Release(instanceId, entry, releaseSemaphore: true));
    }

    private void Release(string instanceId, Entry entry, bool releaseSemaphore)
    {
        if (releaseSemaphore) entry.Semaphore.Release();
        lock (entry)
        {
            if (--entry.Users > 0) return;
            entry.Removed = true;
            _entries.TryRemove(KeyValuePair.Create(instanceId, entry));
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
        public bool Removed;
    }

    private sealed class Releaser(Action release) : IAsyncDisposable
    {
        private int _released;
        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) release();
            return ValueTask.CompletedTask;
        }
    }
}
