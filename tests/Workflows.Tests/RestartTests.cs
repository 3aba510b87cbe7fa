using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>
/// A "restart": a second service provider (new runtime, caches, locks, scheduler) over the same stored data. The EF
/// version of this test (same SQLite file) belongs to the persistence issue; this one proves nothing needed lives only
/// in the first process's memory.
/// </summary>
public class RestartTests
{
    [Fact]
    public async Task After_a_restart_100_waiting_instances_all_resume_once()
    {
        var database = new Persistence.InMemoryWorkflowDatabase();
        var instanceIds = new List<string>();
        List<RunTaskRequested> tasks;
        await using (var before = new TestEngine(database: database))
        {
            var timerFlow = await before.PublishAsync(Definition(Flowchart([Activity("d", "Elsa.Delay", ("timeSpan", Lit("3.00:00:00"))), WriteLine("w", "timer")], ("d", "Done", "w"))));
            var taskFlow = await before.PublishAsync(Definition(Flowchart([Activity("t", "Elsa.RunTask", ("taskName", Lit("approve"))), WriteLine("w", "task")], ("t", "Done", "w"))));
            for (var i = 0; i < 50; i++)
            {
                instanceIds.Add((await before.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = timerFlow.DefinitionId })).InstanceId);
                instanceIds.Add((await before.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = taskFlow.DefinitionId })).InstanceId);
            }
            tasks = before.Notifications.Of<RunTaskRequested>().ToList();
        }

        await using var after = new TestEngine(database: database, start: TestEngine.Epoch.AddDays(10));
        foreach (var task in tasks) Assert.Equal(ResumeOutcome.Resumed, (await after.Runtime.CompleteTaskAsync(task.TaskId, null)).Outcome);
        foreach (var task in tasks) Assert.Equal(ResumeOutcome.NotFound, (await after.Runtime.CompleteTaskAsync(task.TaskId, null)).Outcome);
        Assert.Equal(50, await after.Driver.RunUntilIdleAsync()); // past-due timers fire at start-up
        Assert.Equal(0, await after.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(20)));

        foreach (var id in instanceIds)
        {
            Assert.Equal(WorkflowSubStatus.Finished, (await after.InstanceAsync(id)).SubStatus);
            Assert.Single(await after.WrittenLinesAsync(id));
        }
        Assert.Empty(await after.Store.ListAsync());
    }
}
