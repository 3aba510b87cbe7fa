using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Workflows.Scheduling;

public sealed record TimerSchedulerOptions
{
    /// <summary>
    /// Most rows claimed at once. Large, because the resumes of one instance within a batch share one burst: a fan-in
    /// of thousands of child completions then costs a handful of parent commits. Bounded by what one host can run
    /// within <see cref="Lease"/>.
    /// </summary>
    public int BatchSize { get; init; } = 500;
    /// <summary>How long a claim is exclusive; an unfinished claim (crashed host) is picked up again after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Longest sleep between polls (other hosts may add rows without signalling this one).</summary>
    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The one scheduler of due items (Delay/Timer/StartAt/Cron bookmarks, triggers, queued resumes and dispatches). It
/// sleeps until the earliest due time or a <see cref="TimerSignal"/>, claims a batch through <see cref="ITimerStore"/>
/// (leases: on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, so hosts never fire the same row) and runs it through
/// <see cref="DueWorkExecutor"/> — the rows resuming one instance together, in one burst whose commit deletes them.
/// Past-due rows after a restart are simply the first batch.
/// </summary>
public sealed class TimerScheduler(
    IServiceScopeFactory scopeFactory,
    DueWorkExecutor executor,
    TimerSignal signal,
    TimeProvider timeProvider,
    TimerSchedulerOptions options,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Ids.New()}";

    /// <summary>Claims and runs every row due now (batch after batch). Returns how many rows were processed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        while (true)
        {
            IReadOnlyList<ScheduledTimer> batch;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                var now = timeProvider.GetUtcNow();
                batch = await scope.ServiceProvider.GetRequiredService<ITimerStore>()
                    .ClaimDueAsync(now, options.BatchSize, _owner, now + options.Lease, cancellationToken);
            }
            if (batch.Count == 0) return processed;
            foreach (var unit in DueWorkExecutor.Group(batch)) processed += await RunAsync(unit, cancellationToken);
        }
    }

    private async Task<int> RunAsync(IReadOnlyList<ScheduledTimer> unit, CancellationToken cancellationToken)
    {
        try
        {
            await executor.ExecuteAsync(unit, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (unit.Count == 1)
            {
                logger.LogError(exception, "Due item {TimerId} ({Kind}) failed; it will be retried after its lease", unit[0].Id, unit[0].Kind);
                return 1;
            }
            // Nothing of the burst was committed. One failing resume must not hold back the others of its instance:
            // they are run one by one, so only the failing row waits for its lease.
            logger.LogWarning(exception, "Due items {TimerIds} failed together; running them one by one", unit.Select(t => t.Id));
            foreach (var timer in unit) await RunAsync([timer], cancellationToken);
        }
        return unit.Count;
    }

    public async Task<DateTimeOffset?> GetNextDueAtAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITimerStore>().GetNextDueAtAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var signalled = signal.Next;
                await ProcessDueAsync(stoppingToken);
                var next = await GetNextDueAtAsync(stoppingToken);
                var now = timeProvider.GetUtcNow();
                var sleep = next is null ? options.MaxSleep : next.Value - now;
                if (sleep > options.MaxSleep) sleep = options.MaxSleep;
                if (sleep < TimeSpan.FromMilliseconds(10)) sleep = TimeSpan.FromMilliseconds(10);
                await TimerSignal.WaitAsync(signalled, sleep, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Timer scheduler loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, stoppingToken);
            }
        }
    }
}
