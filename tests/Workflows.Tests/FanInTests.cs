using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Tests.Support;
using Xunit.Abstractions;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>
/// The due rows resuming one instance in a claimed batch run as one burst with one commit: every applicable resume
/// applied in order, stale ones skipped, all of their rows deleted in that commit — or, if it fails, none of it.
/// </summary>
public class FanInTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PastTheLease = new TimerSchedulerOptions().Lease + TimeSpan.FromMinutes(1);

    /// <summary>Three parallel branches, each waiting in an activity "a"/"b"/"c" and then writing its name.</summary>
    private static JsonObject ThreeWaits(Func<string, JsonObject> wait) => Definition(Flowchart(
        [
            Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\",\"C\"]"))),
            wait("a"), wait("b"), wait("c"), WriteLine("wa", "a"), WriteLine("wb", "b"), WriteLine("wc", "c"),
        ],
        ("fork", "A", "a"), ("fork", "B", "b"), ("fork", "C", "c"), ("a", "Done", "wa"), ("b", "Done", "wb"), ("c", "Done", "wc")));

    private static JsonObject Delays() => ThreeWaits(id => Activity(id, "Elsa.Delay", ("timeSpan", Lit("01:00:00"))));

    /// <summary>A workflow that queues one stimulus per key to <paramref name="instanceId"/>.</summary>
    private static JsonObject Sender(string instanceId, string bookmarkName, string keys, JsonObject? input = null) =>
        Definition(Flowchart([Activity("send", "Test.SendStimuli", ("instanceId", Lit(instanceId)), ("bookmarkName", Lit(bookmarkName)),
            ("keys", Lit(keys)), ("input", Obj((input ?? new JsonObject()).ToJsonString())))]));

    [Fact]
    public async Task Timers_of_one_instance_due_together_resume_in_one_burst_and_one_commit()
    {
        await using var engine = new TestEngine(extraServices: CommitProbe.Register);
        var probe = engine.Services.GetRequiredService<CommitProbe>();
        var run = await engine.RunAsync(Delays());
        Assert.Equal(3, (await engine.Store.ListAsync(run.InstanceId)).Count);
        var before = (await engine.InstanceAsync(run.InstanceId)).RowVersion;

        Assert.Equal(3, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddHours(1)));

        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(before + 1, instance.RowVersion);
        Assert.Equal(2, probe.CommitsOf(run.InstanceId)); // the start, then the one burst of all three timers
        Assert.Equal(["a", "b", "c"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
        Assert.Equal(["a", "b", "c"], (await ResumedAsync(engine, run.InstanceId)).Order()); // one journal entry per resume, as before
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Fact]
    public async Task A_queued_resume_whose_bookmark_is_gone_is_skipped_and_its_row_deleted_in_the_same_commit()
    {
        await using var engine = new TestEngine(e => e.AddActivity<FanInActivities.SendStimuli>(), extraServices: CommitProbe.Register);
        var run = await engine.RunAsync(ThreeWaits(id => Activity(id, "Elsa.Event", ("eventName", Lit(id)))));
        // "a" twice: the second finds its bookmark consumed by the first within the same burst.
        await engine.RunAsync(Sender(run.InstanceId, BookmarkNames.Event, "a, b, a, c"));
        Assert.Equal(4, (await engine.Store.ListAsync(run.InstanceId)).Count);
        // "b" arrives directly before the queued rows run: its queued row is stale by then.
        Assert.Equal(ResumeOutcome.Resumed, Assert.Single(await engine.Runtime.PublishEventAsync("b")).Outcome);
        var before = (await engine.InstanceAsync(run.InstanceId)).RowVersion;

        Assert.Equal(4, await engine.Driver.RunUntilIdleAsync());

        Assert.Equal(["a", "b", "c"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
        Assert.Equal(["a", "b", "c"], (await ResumedAsync(engine, run.InstanceId)).Order());
        Assert.Equal(before + 1, (await engine.InstanceAsync(run.InstanceId)).RowVersion);
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Fact]
    public async Task A_task_completed_by_another_host_during_the_burst_is_applied_once_and_the_burst_redone_without_it()
    {
        var database = new InMemoryWorkflowDatabase();
        await using var hostA = new TestEngine(e => e.AddActivity<FanInActivities.SendStimuli>(), database: database, extraServices: CommitProbe.Register);
        await using var hostB = new TestEngine(database: database);
        var run = await hostA.RunAsync(ThreeWaits(id => Activity(id, "Elsa.RunTask", ("taskName", Lit(id)))));
        var tasks = hostA.Notifications.Of<RunTaskRequested>().ToDictionary(t => t.TaskName, t => t.TaskId);
        await hostA.RunAsync(Sender(run.InstanceId, BookmarkNames.RunTask, $"{tasks["a"]}, {tasks["b"]}, {tasks["c"]}",
            new JsonObject { ["RunTaskInput"] = "queued" }));
        var before = (await hostA.InstanceAsync(run.InstanceId)).RowVersion;
        ResumeResult? direct = null;
        hostA.Services.GetRequiredService<CommitProbe>().BeforeCommit = async commit =>
        {
            if (commit.Instance.Id != run.InstanceId || direct is not null) return;
            // Host B completes task "a" while host A's burst (all three queued completions) has not committed yet.
            direct = await hostB.Runtime.CompleteTaskAsync(tasks["a"], "direct");
        };

        await hostA.Driver.RunUntilIdleAsync();

        Assert.Equal(ResumeOutcome.Resumed, direct!.Outcome);
        Assert.Equal(["a"], await hostA.WrittenLinesAsync(run.InstanceId)); // host A's commit was rejected: none of its three resumes
        Assert.Equal(before + 1, (await hostA.InstanceAsync(run.InstanceId)).RowVersion);
        Assert.Equal(3, (await hostA.Store.ListAsync(run.InstanceId)).Count); // kept, under host A's lease

        hostA.Clock.Advance(PastTheLease);
        Assert.Equal(3, await hostA.Driver.RunUntilIdleAsync());

        Assert.Equal(["a", "b", "c"], (await hostA.WrittenLinesAsync(run.InstanceId)).Order());
        Assert.Equal(["a", "b", "c"], (await ResumedAsync(hostA, run.InstanceId)).Order());
        var results = (await hostA.Store.ListActivityRecordsAsync(run.InstanceId)).Where(r => r.ActivityType == "Elsa.RunTask")
            .ToDictionary(r => r.ActivityId, r => r.Outputs!["Result"]!.GetValue<string>());
        Assert.Equal(("direct", "queued", "queued"), (results["a"], results["b"], results["c"]));
        Assert.Equal(before + 2, (await hostA.InstanceAsync(run.InstanceId)).RowVersion);
        Assert.Empty(await hostA.Store.ListAsync());
    }

    [Fact]
    public async Task A_crash_before_the_burst_commits_loses_nothing_and_after_a_restart_every_resume_is_applied_once()
    {
        var database = new InMemoryWorkflowDatabase();
        string instanceId;
        long before;
        await using (var crashing = new TestEngine(database: database, extraServices: CommitProbe.Register))
        {
            instanceId = (await crashing.RunAsync(Delays())).InstanceId;
            before = (await crashing.InstanceAsync(instanceId)).RowVersion;
            crashing.Services.GetRequiredService<CommitProbe>().BeforeCommit = commit =>
                commit.Instance.Id == instanceId ? throw new IOException("Simulated crash before the commit.") : Task.CompletedTask;

            Assert.Equal(3, await crashing.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddHours(1)));

            Assert.Empty(await crashing.WrittenLinesAsync(instanceId));
            Assert.Empty(await ResumedAsync(crashing, instanceId));
            Assert.Equal(before, (await crashing.InstanceAsync(instanceId)).RowVersion);
            Assert.Equal(3, (await crashing.Store.ListAsync(instanceId)).Count);
        }

        await using var restarted = new TestEngine(database: database, start: TestEngine.Epoch.AddHours(1) + PastTheLease, extraServices: CommitProbe.Register);
        Assert.Equal(3, await restarted.Driver.RunUntilIdleAsync());

        Assert.Equal(["a", "b", "c"], (await restarted.WrittenLinesAsync(instanceId)).Order());
        Assert.Equal(["a", "b", "c"], (await ResumedAsync(restarted, instanceId)).Order());
        Assert.Equal(1, restarted.Services.GetRequiredService<CommitProbe>().CommitsOf(instanceId));
        Assert.Equal(before + 1, (await restarted.InstanceAsync(instanceId)).RowVersion);
        Assert.Empty(await restarted.Store.ListAsync());
    }

    [Fact]
    public async Task A_resume_whose_commit_keeps_failing_does_not_hold_back_the_others_of_its_instance()
    {
        await using var engine = new TestEngine(extraServices: CommitProbe.Register);
        var probe = engine.Services.GetRequiredService<CommitProbe>();
        var run = await engine.RunAsync(Delays());
        probe.BeforeCommit = commit => commit.JournalEntries.Any(e => e.ActivityId == "b" && e.EventName == JournalEvents.Resumed)
            ? throw new InvalidOperationException("A handler rejects the resume of b.") : Task.CompletedTask;

        Assert.Equal(3, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddHours(1)));

        Assert.Equal(["a", "c"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
        Assert.Single(await engine.Store.ListAsync(run.InstanceId)); // b's row, under its lease
        Assert.Equal("b", Assert.Single((await engine.InstanceAsync(run.InstanceId)).Bookmarks).ActivityId);

        probe.BeforeCommit = null;
        engine.Clock.Advance(PastTheLease);
        Assert.Equal(1, await engine.Driver.RunUntilIdleAsync());
        Assert.Equal(["a", "b", "c"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Fact]
    public async Task A_fan_in_of_n_children_costs_the_parent_one_commit_per_claimed_batch_not_one_per_child()
    {
        var batchSize = new TimerSchedulerOptions().BatchSize;
        foreach (var n in new[] { 100, 1000 })
        {
            var commits = await ParentCommitsAsync(n);
            output.WriteLine($"{n} children: {commits} parent commits (batch size {batchSize})");
            // n dispatch rows + n completion rows go through batches of batchSize; the parent commits its start and
            // at most once per batch that holds completions (one more batch when the last one is not full).
            Assert.InRange(commits, 2, 2 + (int)Math.Ceiling(2.0 * n / batchSize));
        }
    }

    private static async Task<int> ParentCommitsAsync(int children)
    {
        await using var engine = new TestEngine(e => e.AddActivity<FanInActivities.AwaitChildren>(), extraServices: CommitProbe.Register);
        var child = await engine.PublishAsync(Definition(Flowchart([WriteLine("w", "reported")])));
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("await", "Test.AwaitChildren", ("childDefinitionId", Lit(child.DefinitionId)), ("count", Lit(children))), WriteLine("all", "all finished")],
            ("await", "Done", "all"))));

        Assert.Equal(2 * children, await engine.Driver.RunUntilIdleAsync());

        Assert.Equal(["all finished"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(children, engine.Notifications.Of<WorkflowFinished>().Count(f => f.ParentWorkflowInstanceId == run.InstanceId));
        Assert.Equal(children, (await ResumedAsync(engine, run.InstanceId)).Count);
        return engine.Services.GetRequiredService<CommitProbe>().CommitsOf(run.InstanceId);
    }

    private static async Task<List<string>> ResumedAsync(TestEngine engine, string instanceId) =>
        (await engine.Store.QueryJournalAsync(instanceId, new JournalFilter { EventNames = [JournalEvents.Resumed] }, 0, 100_000))
        .Items.Select(e => e.ActivityId).ToList();
}
