using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class BookmarkAndTaskTests
{
    private static JsonObject TaskFlow(JsonArray? variables = null) => Definition(Flowchart(
        [
            Activity("task", "Elsa.RunTask", ("taskName", Lit("Approve")), ("payload", Obj("{\"report\":\"R-1\"}")),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "answer" } })),
            Activity("after", "Elsa.WriteLine", ("text", Js("'approved=' + getAnswer().approved"))),
        ],
        ("task", "Done", "after")), variables ?? new JsonArray(Variable("answer", "Answer", "Object", null)));

    [Fact]
    public async Task RunTask_suspends_publishes_the_request_and_resumes_with_the_result()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(TaskFlow());

        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended), (run.Status, run.SubStatus));
        var request = Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal(("Approve", run.InstanceId, "task"), (request.TaskName, request.WorkflowInstanceId, request.ActivityId));
        Assert.Equal("R-1", request.Payload!["report"]!.GetValue<string>());
        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(("Elsa.RunTask", request.TaskId), (bookmark.Name, bookmark.Payload!["taskId"]!.GetValue<string>()));
        Assert.Equal(BookmarkHash.Compute("Elsa.RunTask", request.TaskId), bookmark.Hash);
        var record = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "task");
        Assert.True(record.HasBookmarks);
        Assert.Equal(ActivityStatus.Running, record.Status);
        Assert.Equal(request.TaskId, record.Outputs!["TaskId"]!.GetValue<string>());

        var completed = await engine.Runtime.CompleteTaskAsync(request.TaskId, new JsonObject { ["approved"] = true });

        Assert.Equal(ResumeOutcome.Resumed, completed.Outcome);
        Assert.Equal(WorkflowSubStatus.Finished, completed.Run!.SubStatus);
        Assert.Equal(["approved=true"], await engine.WrittenLinesAsync(run.InstanceId));
        var journal = (await engine.Store.QueryJournalAsync(run.InstanceId, new JournalFilter { ActivityIds = ["task"] }, 0, 10)).Items;
        Assert.Equal(["Started", "Suspended", "Resumed", "Completed"], journal.Select(e => e.EventName));
        record = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "task");
        Assert.Equal((ActivityStatus.Completed, false), (record.Status, record.HasBookmarks));
        Assert.True(record.Outputs!["Result"]!["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Completing_a_task_twice_resumes_once_and_the_second_call_gets_NotFound()
    {
        await using var engine = new TestEngine();
        await engine.RunAsync(TaskFlow());
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;

        var first = await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["approved"] = true });
        var second = await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["approved"] = false });

        Assert.Equal(ResumeOutcome.Resumed, first.Outcome);
        Assert.Equal(ResumeOutcome.NotFound, second.Outcome);
        Assert.Contains(taskId, second.Message);
        Assert.Equal(["approved=true"], await engine.WrittenLinesAsync(first.Run!.InstanceId));
    }

    [Fact]
    public async Task Unknown_task_id_is_NotFound()
    {
        await using var engine = new TestEngine();
        var result = await engine.Runtime.CompleteTaskAsync("0000000000000000", null);
        Assert.Equal(ResumeOutcome.NotFound, result.Outcome);
        Assert.Null(result.Run);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_task_resume_it_exactly_once()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(TaskFlow());
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["approved"] = true });
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Outcome == ResumeOutcome.Resumed);
        Assert.Equal(7, results.Count(r => r.Outcome == ResumeOutcome.NotFound));
        Assert.Equal(["approved=true"], await engine.WrittenLinesAsync(run.InstanceId));
        var afterRecords = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Where(r => r.ActivityId == "after");
        Assert.Single(afterRecords);
    }

    [Fact]
    public async Task A_commit_with_a_stale_row_version_is_rejected_and_changes_nothing()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(TaskFlow());
        var stale = await engine.InstanceAsync(run.InstanceId);
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;
        await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["approved"] = true });

        stale.Name = "overwritten";
        await Assert.ThrowsAsync<ConcurrencyException>(() => engine.Store.CommitAsync(new WorkflowCommit
        {
            Instance = stale, ExpectedRowVersion = stale.RowVersion, BookmarksRemoved = [stale.Bookmarks[0].Id],
        }));

        var current = await engine.InstanceAsync(run.InstanceId);
        Assert.NotEqual("overwritten", current.Name);
        Assert.Equal(WorkflowSubStatus.Finished, current.SubStatus);
    }

    [Fact]
    public async Task A_domain_activity_resumes_through_its_custom_bookmark_and_its_timer_goes_with_it()
    {
        await using var engine = new TestEngine(e => e.AddActivity<TestActivities.ApproveReport>());
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("vote", "BaoCao.ApproveReport", ("reportId", Lit("BC-7")), ("minimumVotes", Lit(2))), WriteLine("ok", "ok"), WriteLine("back", "back")],
            ("vote", "Đồng ý", "ok"), ("vote", "Trả lại", "back"))));
        Assert.Equal(2, run.Bookmarks.Count);
        Assert.Single(await engine.Store.ListAsync(run.InstanceId));

        var results = await engine.Runtime.ResumeAsync("BaoCao.Vote", "BC-7", new JsonObject { ["votes"] = 3 });

        Assert.Equal(ResumeOutcome.Resumed, Assert.Single(results).Outcome);
        Assert.Equal(["ok"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(await engine.Store.ListAsync(run.InstanceId));
        Assert.Equal(0, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(30)));
    }

    [Fact]
    public async Task Events_resume_waiting_instances_by_name_and_correlation_id()
    {
        await using var engine = new TestEngine();
        JsonObject Waiter() => Definition(Flowchart([Activity("ev", "Elsa.Event", ("eventName", Lit("Signed"))), WriteLine("w", "got it")], ("ev", "Done", "w")));
        var a = await engine.RunAsync(Waiter(), correlationId: "plan-A");
        var b = await engine.RunAsync(Waiter(), correlationId: "plan-B");

        var resumed = await engine.Runtime.PublishEventAsync("Signed", "plan-A", JsonValue.Create("payload"));

        Assert.Single(resumed);
        Assert.Equal(["got it"], await engine.WrittenLinesAsync(a.InstanceId));
        Assert.Empty(await engine.WrittenLinesAsync(b.InstanceId));

        // PublishEvent from another workflow, durable: delivered by the scheduler after the publisher's commit.
        await engine.RunAsync(Definition(Flowchart([Activity("pub", "Elsa.PublishEvent", ("eventName", Lit("Signed")), ("correlationId", Lit("plan-B")))])));
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["got it"], await engine.WrittenLinesAsync(b.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(b.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Correlate_sets_the_correlation_id()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("c", "Elsa.Correlate", ("correlationId", Js("'plan-' + (40 + 2)")))])));
        Assert.Equal("plan-42", (await engine.InstanceAsync(run.InstanceId)).CorrelationId);
    }
}

public class ReminderTests
{
    [Fact]
    public async Task An_activity_can_re_arm_its_timer_until_another_bookmark_completes_it()
    {
        await using var engine = new TestEngine(e => e.AddActivity<TestActivities.RemindUntilSubmitted>());
        var run = await engine.RunAsync(Definition(Flowchart([Activity("remind", "BaoCao.RemindUntilSubmitted", ("reportId", Lit("BC-9"))), WriteLine("w", "submitted")], ("remind", "Done", "w"))));

        Assert.Equal(3, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(3.5)));
        Assert.Equal([1, 2, 3], engine.Notifications.Of<TestActivities.ReminderDue>().Select(r => r.Count));
        Assert.Equal(TestEngine.Epoch.AddDays(4), Assert.Single(await engine.Store.ListAsync(run.InstanceId)).DueAt);

        await engine.Runtime.ResumeAsync("BaoCao.Submitted", "BC-9");

        Assert.Equal(["submitted"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(await engine.Store.ListAsync());
        var journal = (await engine.Store.QueryJournalAsync(run.InstanceId, new JournalFilter { ActivityIds = ["remind"] }, 0, 100)).Items;
        Assert.Equal(["Started", "Suspended", "Resumed", "Suspended", "Resumed", "Suspended", "Resumed", "Suspended", "Resumed", "Completed"], journal.Select(e => e.EventName));
    }
}

/// <summary>
/// A task completion reads its bookmark and the instance's state in one read, before the instance lock. These tests
/// commit another burst of the same instance in exactly that gap.
/// </summary>
public class TaskCompletionReadBeforeLockTests
{
    private static JsonObject TwoTasks() => Definition(Flowchart(
        [
            Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]"))),
            Activity("taskA", "Elsa.RunTask", ("taskName", Lit("A"))), WriteLine("afterA", "A done"),
            Activity("taskB", "Elsa.RunTask", ("taskName", Lit("B"))), WriteLine("afterB", "B done"),
        ],
        ("fork", "A", "taskA"), ("taskA", "Done", "afterA"), ("fork", "B", "taskB"), ("taskB", "Done", "afterB")));

    [Fact]
    public async Task A_burst_committed_between_the_read_and_the_lock_makes_the_completion_redo_on_fresh_state()
    {
        await using var engine = new TestEngine(extraServices: CommitProbe.Register);
        var probe = engine.Services.GetRequiredService<CommitProbe>();
        var run = await engine.RunAsync(TwoTasks());
        var tasks = engine.Notifications.Of<RunTaskRequested>().ToDictionary(t => t.TaskName, t => t.TaskId);
        var interleaved = false;
        probe.AfterBookmarkRead = async found =>
        {
            if (interleaved || found.Bookmark.ActivityId != "taskA") return;
            interleaved = true;
            Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(tasks["B"], "b")).Outcome);
        };

        var completed = await engine.Runtime.CompleteTaskAsync(tasks["A"], "a");

        Assert.True(interleaved);
        Assert.Equal(ResumeOutcome.Resumed, completed.Outcome);
        Assert.Equal(WorkflowSubStatus.Finished, completed.Run!.SubStatus);
        Assert.Equal(["A done", "B done"], (await engine.WrittenLinesAsync(run.InstanceId)).Order());
        // start, B's completion, A's completion: the stale attempt committed nothing.
        Assert.Equal(3, probe.CommitsOf(run.InstanceId));
    }

    [Fact]
    public async Task The_same_task_completed_in_the_gap_resumes_once_and_the_stale_completion_gets_NotFound()
    {
        await using var engine = new TestEngine(extraServices: CommitProbe.Register);
        var probe = engine.Services.GetRequiredService<CommitProbe>();
        var run = await engine.RunAsync(TwoTasks());
        var taskA = engine.Notifications.Of<RunTaskRequested>().Single(t => t.TaskName == "A").TaskId;
        ResumeResult? inGap = null;
        probe.AfterBookmarkRead = async _ =>
        {
            if (inGap is not null) return;
            inGap = new ResumeResult(ResumeOutcome.NotFound);
            inGap = await engine.Runtime.CompleteTaskAsync(taskA, "first");
        };

        var stale = await engine.Runtime.CompleteTaskAsync(taskA, "second");

        Assert.Equal(ResumeOutcome.Resumed, inGap!.Outcome);
        Assert.Equal(ResumeOutcome.NotFound, stale.Outcome);
        Assert.Equal(["A done"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(2, probe.CommitsOf(run.InstanceId));
    }
}
