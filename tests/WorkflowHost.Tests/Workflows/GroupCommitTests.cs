using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Workflows;

/// <summary>
/// Group commit (EngineTransaction) on a SQLite file: concurrent bursts share transactions, yet each burst is all or
/// nothing on its own and its handlers run in its caller's execution context.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly SqliteDatabaseFile _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Concurrent_completions_commit_and_a_burst_whose_handler_fails_is_rolled_back_alone()
    {
        await using var host = await _database.StartHostAsync();
        var version = await host.PublishAsync(TestWorkflows.WaitOnTask());
        for (var i = 0; i < 40; i++) await host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionVersionId = version.Id });
        var tasks = host.Published<RunTaskRequested>().ToList();
        var failing = tasks.Where((_, i) => i % 4 == 0).Select(t => t.WorkflowInstanceId).ToHashSet();
        host.FailWhen = n => n is WorkflowFinished finished && failing.Contains(finished.WorkflowInstanceId);

        var outcomes = await Task.WhenAll(tasks.Select(async t =>
        {
            try { return (t.WorkflowInstanceId, Outcome: (await host.Runtime.CompleteTaskAsync(t.TaskId, "đồng ý")).Outcome.ToString()); }
            catch (InvalidOperationException exception) { return (t.WorkflowInstanceId, Outcome: exception.Message); }
        }));

        foreach (var (instanceId, outcome) in outcomes)
        {
            var stored = await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync(instanceId));
            if (failing.Contains(instanceId))
            {
                Assert.Equal("handler of WorkflowFinished failed", outcome);
                Assert.Equal(WorkflowSubStatus.Suspended, stored!.SubStatus);
                Assert.Single(stored.Bookmarks);
            }
            else
            {
                Assert.Equal(nameof(ResumeOutcome.Resumed), outcome);
                Assert.Equal(WorkflowSubStatus.Finished, stored!.SubStatus);
            }
        }

        // Nothing of a failed burst was written: its task is still pending and completes once the handler succeeds.
        host.FailWhen = null;
        foreach (var task in tasks.Where(t => failing.Contains(t.WorkflowInstanceId)))
            Assert.Equal(ResumeOutcome.Resumed, (await host.Runtime.CompleteTaskAsync(task.TaskId, "đồng ý")).Outcome);
        Assert.Equal(40, host.Published<WorkflowFinished>().Select(f => f.WorkflowInstanceId).Distinct().Count());
    }

    [Fact]
    public async Task Handlers_of_a_grouped_commit_see_their_own_callers_async_locals()
    {
        await using var host = await _database.StartHostAsync();
        var version = await host.PublishAsync(TestWorkflows.WaitOnTask());

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            EngineHost.Caller.Value = $"caller-{i}";
            return (Caller: $"caller-{i}", (await host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionVersionId = version.Id })).InstanceId);
        }));

        foreach (var (caller, instanceId) in started)
        {
            var notification = host.Published<WorkflowStarted>().Single(n => n.WorkflowInstanceId == instanceId);
            Assert.Equal(caller, host.CallerSeenBy[notification]);
        }
    }

    [Fact]
    public async Task A_handler_that_calls_the_runtime_is_refused_and_nothing_of_its_burst_is_written()
    {
        await using var host = await _database.StartHostAsync();
        var version = await host.PublishAsync(TestWorkflows.WaitOnTask());
        host.AlsoDo = n => n is WorkflowStarted
            ? host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionVersionId = version.Id })
            : Task.CompletedTask;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionVersionId = version.Id }));

        Assert.Contains("inside another engine commit", refused.Message);
        Assert.Equal(0, (await host.Store<IWorkflowQueryStore, Page<WorkflowInstanceSummary>>(s => s.QueryInstancesAsync(new WorkflowInstanceQuery()))).TotalCount);
    }
}
