namespace WorkflowHost.Workflows.Scheduling;

/// <summary>Wakes the scheduler when a timer due earlier than its current sleep was committed.</summary>
public sealed class TimerSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify(DateTimeOffset dueAt) => Interlocked.Exchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until signalled or <paramref name="delay"/> elapsed on <paramref name="timeProvider"/>.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref _signal).Task;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sleep = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, timeProvider, linked.Token);
        await Task.WhenAny(signalled, sleep);
        linked.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
