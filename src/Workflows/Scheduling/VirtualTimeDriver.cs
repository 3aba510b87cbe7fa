namespace WorkflowHost.Workflows.Scheduling;

/// <summary>
/// Runs the scheduler on a <see cref="VirtualTimeProvider"/> without its background loop: processes what is due, then
/// jumps the clock to the next due row, and so on. Used by tests and the "rehearse" command to run months of timers
/// in milliseconds. Only call it while nothing else drives the engine.
/// </summary>
public sealed class VirtualTimeDriver(VirtualTimeProvider clock, TimerScheduler scheduler)
{
    public VirtualTimeProvider Clock => clock;

    /// <summary>
    /// Processes due rows and advances the clock from due time to due time until nothing is due up to
    /// <paramref name="until"/> (or nothing at all is scheduled, when null); the clock ends at <paramref name="until"/>
    /// if given. Returns the number of rows processed.
    /// </summary>
    public async Task<int> RunUntilIdleAsync(DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var processed = await scheduler.ProcessDueAsync(cancellationToken);
            total += processed;
            var next = await scheduler.GetNextDueAtAsync(cancellationToken);
            if (next is null || (until is not null && next > until)) break;
            if (next <= clock.GetUtcNow())
            {
                if (processed == 0) break; // only leased rows remain due (failing work); do not spin
                continue;
            }
            clock.SetUtcNow(next.Value);
        }
        if (until is not null && clock.GetUtcNow() < until) clock.SetUtcNow(until.Value);
        return total;
    }

    /// <summary>Moves the clock to the next due row and processes everything due then. False when nothing is scheduled.</summary>
    public async Task<bool> AdvanceToNextDueAsync(CancellationToken cancellationToken = default)
    {
        var next = await scheduler.GetNextDueAtAsync(cancellationToken);
        if (next is null) return false;
        if (next > clock.GetUtcNow()) clock.SetUtcNow(next.Value);
        await scheduler.ProcessDueAsync(cancellationToken);
        return true;
    }
}
