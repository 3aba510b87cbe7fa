using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class TimerTests
{
    [Fact]
    public async Task Delay_waits_on_a_durable_timer_and_resumes_at_its_due_time()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("d", "Elsa.Delay", ("timeSpan", Lit("02:30:00"))), WriteLine("w", "after")], ("d", "Done", "w"))));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var timer = Assert.Single(await engine.Store.ListAsync(run.InstanceId));
        Assert.Equal(TestEngine.Epoch.AddHours(2.5), timer.DueAt);
        Assert.Equal(timer.Id, Assert.Single(run.Bookmarks).Id);

        Assert.Equal(0, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddHours(2)));
        Assert.Empty(await engine.WrittenLinesAsync(run.InstanceId));

        Assert.Equal(1, await engine.Driver.RunUntilIdleAsync());
        Assert.Equal(TestEngine.Epoch.AddHours(2.5), engine.Clock.GetUtcNow());
        Assert.Equal(["after"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(await engine.Store.ListAsync());
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task A_weekly_delay_loop_fires_52_times_in_a_virtual_year_on_the_exact_dates()
    {
        await using var engine = new TestEngine();
        var variables = new JsonArray(Variable("n", "n", "Int32", "0"));
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("wait", "Elsa.Delay", ("timeSpan", Lit("7.00:00:00"))),
                Activity("count", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "n" }), ("value", Js("getN() + 1"))),
                Activity("log", "Elsa.WriteLine", ("text", Js("getN()"))),
                Activity("more", "Elsa.FlowDecision", ("condition", Js("getN() < 52"))),
            ],
            ("wait", "Done", "count"), ("count", "Done", "log"), ("log", "Done", "more"), ("more", "True", "wait")), variables));

        var fired = await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddYears(1));

        Assert.Equal(52, fired);
        var delays = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Where(r => r.ActivityId == "wait").ToList();
        Assert.Equal(Enumerable.Range(1, 52).Select(i => TestEngine.Epoch.AddDays(7 * i)), delays.Select(d => d.CompletedAt!.Value));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Cron_step_waits_for_the_next_occurrence()
    {
        await using var engine = new TestEngine(start: new DateTimeOffset(2026, 3, 10, 8, 15, 0, TimeSpan.Zero));
        var run = await engine.RunAsync(Definition(Flowchart([Activity("c", "Elsa.Cron", ("cronExpression", Lit("0 30 9 * * *"))), WriteLine("w", "ran")], ("c", "Done", "w"))));

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero), Assert.Single(await engine.Store.ListAsync(run.InstanceId)).DueAt);
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["ran"], await engine.WrittenLinesAsync(run.InstanceId));
        var record = (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "c");
        Assert.NotNull(record.Payload!["ExecuteAt"]);
    }

    [Fact]
    public async Task The_cron_every_hour_sample_starts_an_instance_every_hour_for_a_year()
    {
        await using var engine = new TestEngine();
        var definition = await engine.PublishAsync(Samples.Load("cron-every-hour.json"));

        var trigger = Assert.Single(await engine.Store.ListAsync());
        Assert.Equal((ScheduledWorkKind.Trigger, TestEngine.Epoch.AddHours(1)), (trigger.Kind, trigger.DueAt));

        var fired = await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddYears(1));

        Assert.Equal(365 * 24, fired);
        var instances = (await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { DefinitionIds = [definition.DefinitionId] })).Items;
        Assert.Equal(365 * 24, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowSubStatus.Finished, i.SubStatus));
        Assert.Equal(Enumerable.Range(1, 365 * 24).Select(h => TestEngine.Epoch.AddHours(h)), instances.Select(i => i.CreatedAt).Order());
        Assert.Equal(["Hello every hour"], await engine.WrittenLinesAsync(instances[0].Id));
        Assert.Equal(TestEngine.Epoch.AddYears(1).AddHours(1), Assert.Single(await engine.Store.ListAsync()).DueAt);
    }

    [Fact]
    public async Task The_timer_sample_starts_an_instance_every_minute_until_retracted()
    {
        await using var engine = new TestEngine();
        var definition = await engine.PublishAsync(Samples.Load("timer-workflow.json"));

        Assert.Equal(10, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddMinutes(10)));
        await engine.Definitions.RetractAsync(definition.DefinitionId);

        Assert.Empty(await engine.Store.ListAsync());
        Assert.Equal(0, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddHours(1)));
        var instances = (await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { DefinitionIds = [definition.DefinitionId] })).Items;
        Assert.Equal(10, instances.Count);
        Assert.Equal(["Hello from timer"], await engine.WrittenLinesAsync(instances[0].Id));
    }

    [Fact]
    public async Task StartAt_in_the_past_completes_at_once_and_in_the_future_waits()
    {
        await using var engine = new TestEngine();
        var past = await engine.RunAsync(Definition(Flowchart([Activity("s", "Elsa.StartAt", ("dateTime", Lit("2025-01-01T00:00:00+00:00")))])));
        Assert.Equal(WorkflowSubStatus.Finished, past.SubStatus);

        var future = await engine.RunAsync(Definition(Flowchart([Activity("s", "Elsa.StartAt", ("dateTime", Lit("2026-02-01T07:00:00+07:00"))), WriteLine("w", "at")], ("s", "Done", "w"))));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(await engine.Store.ListAsync(future.InstanceId)).DueAt);
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["at"], await engine.WrittenLinesAsync(future.InstanceId));
    }

    [Fact]
    public async Task StartAt_trigger_starts_exactly_one_instance()
    {
        await using var engine = new TestEngine();
        var definition = await engine.PublishAsync(Definition(Flowchart([Activity("s", "Elsa.StartAt", ("dateTime", Lit("2026-06-01T00:00:00Z"))).CanStart(), WriteLine("w", "go")], ("s", "Done", "w"))));

        Assert.Equal(1, await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddYears(2)));
        var instance = Assert.Single((await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { DefinitionIds = [definition.DefinitionId] })).Items);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), instance.CreatedAt);
        Assert.Equal(["go"], await engine.WrittenLinesAsync(instance.Id));
    }

    [Theory]
    [InlineData("WaitAny", 1, new[] { "fast", "joined" })]
    [InlineData("WaitAll", 2, new[] { "fast", "slow", "joined" })]
    public async Task Fork_join_with_timers_wait_any_cancels_the_loser_and_its_timer(string mode, int expectedFires, string[] expectedLines)
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Fast\",\"Slow\"]"))),
                Activity("d1", "Elsa.Delay", ("timeSpan", Lit("01:00:00"))), WriteLine("fast", "fast"),
                Activity("d2", "Elsa.Delay", ("timeSpan", Lit("05:00:00"))), WriteLine("slow", "slow"),
                Activity("join", "Elsa.FlowJoin", ("mode", Lit(mode))), WriteLine("joined", "joined"),
            ],
            ("fork", "Fast", "d1"), ("d1", "Done", "fast"), ("fast", "Done", "join"),
            ("fork", "Slow", "d2"), ("d2", "Done", "slow"), ("slow", "Done", "join"), ("join", "Done", "joined"))));
        Assert.Equal(2, (await engine.Store.ListAsync(run.InstanceId)).Count);

        var fires = await engine.Driver.RunUntilIdleAsync(TestEngine.Epoch.AddDays(1));

        Assert.Equal(expectedFires, fires);
        Assert.Equal(expectedLines, await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(await engine.Store.ListAsync());
        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
        if (mode == "WaitAny")
            Assert.Equal(ActivityStatus.Canceled, (await engine.Store.ListActivityRecordsAsync(run.InstanceId)).Single(r => r.ActivityId == "d2").Status);
    }

    [Fact]
    public async Task A_timer_firing_after_its_bookmark_was_consumed_does_nothing()
    {
        await using var engine = new TestEngine(e => e.AddActivity<TestActivities.ApproveReport>());
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("vote", "BaoCao.ApproveReport", ("reportId", Lit("BC-1")), ("deadline", Lit("01:00:00"))), WriteLine("ok", "ok"), WriteLine("back", "back")],
            ("vote", "Đồng ý", "ok"), ("vote", "Trả lại", "back"))));
        var timer = Assert.Single(await engine.Store.ListAsync(run.InstanceId));

        // The deadline row is claimed (as by another host) while the vote completes the same path.
        engine.Clock.SetUtcNow(timer.DueAt);
        var claimed = await engine.Store.ClaimDueAsync(timer.DueAt, 10, "other-host", timer.DueAt.AddMinutes(5));
        await engine.Runtime.ResumeAsync("BaoCao.Vote", "BC-1", new JsonObject { ["votes"] = 5 });
        var executor = (DueWorkExecutor)engine.Services.GetService(typeof(DueWorkExecutor))!;
        await executor.ExecuteAsync([Assert.Single(claimed)], CancellationToken.None);

        Assert.Equal(["ok"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Empty(await engine.Store.ListAsync());
    }

    [Theory]
    [InlineData("0 0 * * * *", "0 0 * * * ?")]
    [InlineData("0 30 9 * * 1-5", "0 30 9 ? * 2-6")]
    [InlineData("0 0 8 1 * *", "0 0 8 1 * ?")]
    [InlineData("*/15 * * * *", "0 */15 * * * ?")]
    [InlineData("0 0 12 * * 0,6", "0 0 12 ? * 1,7")]
    [InlineData("0 0 12 * * MON-FRI", "0 0 12 ? * MON-FRI")]
    public void Cronos_expressions_convert_to_quartz(string cronos, string quartz) => Assert.Equal(quartz, CronSchedule.ToQuartz(cronos));

    [Fact]
    public void Cron_weekdays_fire_on_the_right_days()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        var next = CronSchedule.NextOccurrence("0 30 9 * * 1-5", monday.AddDays(-2)); // from Saturday
        Assert.Equal(monday.AddHours(9.5), next);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), CronSchedule.NextOccurrence("0 0 12 * * 0", monday)); // Sunday
        Assert.NotNull(CronSchedule.Check("0 0 12 5 * 1"));
        Assert.NotNull(CronSchedule.Check("not a cron"));
    }
}
