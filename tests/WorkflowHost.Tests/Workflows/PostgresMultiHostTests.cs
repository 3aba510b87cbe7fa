using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Tests.Workflows;

/// <summary>Two "hosts" (two service providers) sharing one PostgreSQL database.</summary>
public sealed class PostgresMultiHostTests
{
    [PostgresFact]
    public async Task Two_hosts_claiming_the_same_due_timers_fire_each_exactly_once()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var a = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        await using var b = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        var flow = await a.PublishAsync(TestWorkflows.WaitOnDelay("01:00:00"));
        var ids = new List<string>();
        for (var i = 0; i < 60; i++)
            ids.Add((await a.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId })).InstanceId);

        a.Clock.SetUtcNow(EngineHost.Epoch.AddHours(2));
        b.Clock.SetUtcNow(EngineHost.Epoch.AddHours(2));
        var processed = await Task.WhenAll(Task.Run(() => a.Scheduler.ProcessDueAsync()), Task.Run(() => b.Scheduler.ProcessDueAsync()));

        Assert.Equal(60, processed.Sum());
        Assert.Equal(60, a.Published<WorkflowFinished>().Count + b.Published<WorkflowFinished>().Count);
        foreach (var id in ids)
        {
            var journal = await a.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync(id, null, 0, 100));
            Assert.Single(journal.Items, e => e.EventName == JournalEvents.Resumed);
            Assert.Single(journal.Items, e => e.ActivityType == "Elsa.WriteLine" && e.EventName == JournalEvents.Completed);
        }
        Assert.Empty(await a.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync()));
    }

    [PostgresFact]
    public async Task The_advisory_lock_serialises_two_hosts_resuming_one_instance()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var a = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        await using var b = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        var flow = await a.PublishAsync(TestWorkflows.WaitOnTask());
        var instanceId = (await a.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId })).InstanceId;
        var task = Assert.Single(a.Published<RunTaskRequested>());

        // Host A holds the instance; host B's completion must wait for it, in the database.
        var held = await a.Services.GetRequiredService<IWorkflowInstanceLock>().AcquireAsync(instanceId);
        var completion = Task.Run(() => b.Runtime.CompleteTaskAsync(task.TaskId, "xong"));
        await WaitUntilAnAdvisoryLockIsAwaitedAsync(database.ConnectionString);
        Assert.False(completion.IsCompleted);
        await held.DisposeAsync();
        Assert.Equal(ResumeOutcome.Resumed, (await completion).Outcome);

        // Both hosts completing the same (now consumed) task: neither resumes it again.
        var again = await Task.WhenAll(Task.Run(() => a.Runtime.CompleteTaskAsync(task.TaskId, "lại")), Task.Run(() => b.Runtime.CompleteTaskAsync(task.TaskId, "lại")));
        Assert.All(again, r => Assert.Equal(ResumeOutcome.NotFound, r.Outcome));
        var journal = await a.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync(instanceId, null, 0, 100));
        Assert.Single(journal.Items, e => e.EventName == JournalEvents.Resumed);
    }

    [PostgresFact]
    public async Task Two_hosts_completing_one_task_at_once_resume_it_once()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var a = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        await using var b = await EngineHost.StartAsync("Postgres", database.ConnectionString);
        var flow = await a.PublishAsync(TestWorkflows.WaitOnTask());
        for (var i = 0; i < 20; i++) await a.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId });

        foreach (var task in a.Published<RunTaskRequested>())
        {
            var outcomes = await Task.WhenAll(Task.Run(() => a.Runtime.CompleteTaskAsync(task.TaskId, 1)), Task.Run(() => b.Runtime.CompleteTaskAsync(task.TaskId, 2)));
            Assert.Single(outcomes, o => o.Outcome == ResumeOutcome.Resumed);
        }
        Assert.Equal(20, a.Published<WorkflowFinished>().Count + b.Published<WorkflowFinished>().Count);
    }

    private static async Task WaitUntilAnAdvisoryLockIsAwaitedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", connection);
            if ((long)(await command.ExecuteScalarAsync(timeout.Token))! > 0) return;
            await Task.Delay(20, timeout.Token);
        }
    }
}
