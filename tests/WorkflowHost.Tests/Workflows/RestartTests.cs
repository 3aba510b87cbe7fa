using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Workflows;

/// <summary>
/// A host restart on the same SQLite file: a second service provider (new runtime, caches, locks, scheduler) finds
/// every waiting instance in the database and resumes each exactly once.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly SqliteDatabaseFile _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task After_a_restart_100_instances_waiting_on_timers_and_tasks_all_finish_once()
    {
        var instanceIds = new List<string>();
        List<RunTaskRequested> tasks;
        await using (var before = await _database.StartHostAsync())
        {
            var timerFlow = await before.PublishAsync(TestWorkflows.WaitOnDelay("3.00:00:00"));
            var taskFlow = await before.PublishAsync(TestWorkflows.WaitOnTask());
            for (var i = 0; i < 50; i++)
            {
                instanceIds.Add((await before.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = timerFlow.DefinitionId })).InstanceId);
                instanceIds.Add((await before.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = taskFlow.DefinitionId })).InstanceId);
            }
            tasks = before.Published<RunTaskRequested>().ToList();
            Assert.Equal(50, tasks.Count);
        }

        // Ten days later: every Delay is past due when the new host starts.
        await using var after = await _database.StartHostAsync(EngineHost.Epoch.AddDays(10));
        foreach (var task in tasks)
            Assert.Equal(ResumeOutcome.Resumed, (await after.Runtime.CompleteTaskAsync(task.TaskId, null)).Outcome);
        foreach (var task in tasks)
            Assert.Equal(ResumeOutcome.NotFound, (await after.Runtime.CompleteTaskAsync(task.TaskId, null)).Outcome);
        Assert.Equal(50, await after.Driver.RunUntilIdleAsync());
        Assert.Equal(0, await after.Driver.RunUntilIdleAsync(EngineHost.Epoch.AddDays(20)));

        foreach (var id in instanceIds)
        {
            var instance = await after.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync(id));
            Assert.Equal(WorkflowSubStatus.Finished, instance!.SubStatus);
            var journal = await after.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync(id, null, 0, 1000));
            Assert.Single(journal.Items, e => e.ActivityType == "Elsa.WriteLine" && e.EventName == JournalEvents.Completed);
            Assert.Single(journal.Items, e => e.EventName == JournalEvents.Resumed);
        }
        Assert.Empty(await after.Store<ITimerStore, IReadOnlyList<WorkflowHost.Workflows.Scheduling.ScheduledTimer>>(s => s.ListAsync()));
        Assert.Equal(100, after.Published<WorkflowFinished>().Count);
    }

    [Fact]
    public async Task Past_due_timers_fire_when_the_scheduler_first_runs_after_a_restart()
    {
        string instanceId;
        await using (var before = await _database.StartHostAsync())
        {
            var flow = await before.PublishAsync(TestWorkflows.WaitOnDelay("01:00:00"));
            instanceId = (await before.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId })).InstanceId;
        }

        await using var after = await _database.StartHostAsync(EngineHost.Epoch.AddHours(5));
        Assert.Equal(1, await after.Scheduler.ProcessDueAsync());
        var instance = await after.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync(instanceId));
        Assert.Equal(WorkflowSubStatus.Finished, instance!.SubStatus);
    }

    [Fact]
    public async Task A_task_completed_twice_at_once_resumes_once()
    {
        await using var host = await _database.StartHostAsync();
        var flow = await host.PublishAsync(TestWorkflows.WaitOnTask());
        var instanceId = (await host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.DefinitionId })).InstanceId;
        var task = Assert.Single(host.Published<RunTaskRequested>());

        var outcomes = await Task.WhenAll(
            Task.Run(() => host.Runtime.CompleteTaskAsync(task.TaskId, "một")),
            Task.Run(() => host.Runtime.CompleteTaskAsync(task.TaskId, "hai")));

        Assert.Single(outcomes, o => o.Outcome == ResumeOutcome.Resumed);
        Assert.Single(outcomes, o => o.Outcome == ResumeOutcome.NotFound);
        var journal = await host.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync(instanceId, null, 0, 1000));
        Assert.Single(journal.Items, e => e.EventName == JournalEvents.Resumed);
        Assert.Single(host.Published<WorkflowFinished>());
    }
}
