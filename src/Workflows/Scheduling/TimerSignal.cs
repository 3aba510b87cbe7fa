namespace WorkflowHost.Workflows.Scheduling;

/// <summary>Wakes the scheduler when a timer due earlier than its current sleep was committed.</summary>
public sealed class TimerSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify(DateTimeOffset dueAt) => Interlocked.Exchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Completes at the next <see cref="Notify"/>. The scheduler takes it BEFORE looking for due rows, so a row added
    /// while it looks is never missed: its notify completes the task the scheduler then waits on.
    /// </summary>
    public Task Next => Volatile.Read(ref _signal).Task;

    /// <summary>Waits until <paramref name="signalled"/> (from <see cref="Next"/>) completes or <paramref name="delay"/> elapsed on <paramref name="timeProvider"/>.</summary>
    public static async Task WaitAsync(Task signalled, TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sleep = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, timeProvider, linked.Token);
        await Task.WhenAny(signalled, sleep);
        linked.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
