using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class PlanTaskActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>One plan-003 task, then "overdue" on its Overdue port and "done" on Done.</summary>
    private static JsonObject TaskFlow(string number) => Definition(Flowchart(
        [
            Activity("task", "WorkflowHost.PlanTask", ("taskNumber", Lit(number))),
            WriteLine("overdue", "overdue"),
            WriteLine("done", "done"),
        ],
        ("task", "Overdue", "overdue"), ("task", "Done", "done")));

    private static async Task<(ChainEngine Engine, string InstanceId)> StartAsync(string number)
    {
        var engine = new ChainEngine(Start);
        var run = await engine.StartAsync(await engine.PublishAsync(TaskFlow(number)), new JsonObject { ["planId"] = "003" });
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        return (engine, run.InstanceId);
    }

    private static string TaskOf(ChainEngine engine, string unitCode) =>
        engine.Notifications.Of<RunTaskRequested>().Single(t => t.Payload!["unitCode"]!.GetValue<string>() == unitCode).TaskId;

    private static JsonObject Answer(string action, string text, JsonObject? targets = null) =>
        new() { ["action"] = action, ["text"] = text, ["targets"] = targets ?? new JsonObject() };

    [Fact]
    public async Task Task_1_1_goes_to_every_party_committee_under_the_province_on_the_2026_two_level_tree()
    {
        var (engine, _) = await StartAsync("1.1");
        await using var _e = engine;

        var snapshot = await engine.Organisation.SnapshotAsync(new DateOnly(2026, 6, 1));
        var expected = snapshot.Children("TU").Where(u => u.Kind is UnitKind.DirectCommittee or UnitKind.CommuneCommittee)
            .Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        var tasks = engine.Notifications.Of<RunTaskRequested>();
        Assert.All(tasks, t => Assert.Equal(PlanTaskActivity.TaskName, t.TaskName));
        Assert.Equal(expected, tasks.Select(t => t.Payload!["unitCode"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("TU-DUUBND", expected);
        Assert.Contains("DUX-BATXAT", expected); // a commune committee of the two-level model
        Assert.DoesNotContain(expected, code => snapshot.Find(code)!.Kind == UnitKind.DistrictCommittee);

        var assigned = Assert.Single(engine.Notifications.Of<PlanTaskAssigned>());
        Assert.Equal("1.1", assigned.TaskNumber);
        Assert.Equal(expected, assigned.Units.Select(u => u.UnitCode));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 17, 0, 0, TimeSpan.Zero), assigned.DueUtc); // "trong tháng 6/2026"
        var payload = tasks[0].Payload!;
        Assert.StartsWith("Nhiệm vụ 1.1:", payload["title"]!.GetValue<string>());
        Assert.Equal("2026-06-30", payload["dueAt"]!.GetValue<string>());
        Assert.Equal("drafter", payload["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Progress_keeps_the_task_open_and_complete_by_every_unit_ends_with_Done()
    {
        var (engine, instanceId) = await StartAsync("1.3");
        await using var _e = engine;
        var taskId = TaskOf(engine, "TU-DUUBND");

        await engine.Runtime.CompleteTaskAsync(taskId, Answer("progress", "Đã hỗ trợ 40/52 hộ.", new JsonObject { ["MT-NHATAM"] = 12 }));
        Assert.Empty((await engine.InstanceAsync(instanceId)).Incidents.Select(i => i.Message));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(instanceId)).SubStatus);
        Assert.Empty(engine.Notifications.Of<RunTaskCompleted>());

        // The inbox's shape: {completedBy, comment, data}.
        await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject
        {
            ["completedBy"] = "duubnd.chuyenvien", ["comment"] = null,
            ["data"] = Answer("complete", "Hoàn thành 52/52 hộ.", new JsonObject { ["MT-NHATAM"] = 0 }),
        });

        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(instanceId)).SubStatus);
        Assert.Equal(["done"], await engine.WrittenLinesAsync(instanceId));
        var reports = engine.Notifications.Of<PlanTaskProgressReported>();
        Assert.Equal([false, true], reports.Select(r => r.Completes));
        Assert.Equal([12m, 0m], reports.Select(r => r.Targets["MT-NHATAM"]));
        Assert.Equal("duubnd.chuyenvien", reports[1].ReportedBy);
        var completed = Assert.Single(engine.Notifications.Of<PlanTaskCompleted>());
        Assert.False(completed.Late);
        Assert.Equal(["TU-DUUBND"], completed.UnitCodes);
        Assert.Equal(taskId, Assert.Single(engine.Notifications.Of<RunTaskCompleted>()).TaskId);
        var outputs = await engine.OutputsAsync(instanceId, "task");
        Assert.Equal(0, outputs["Targets"]!["MT-NHATAM"]!["TU-DUUBND"]!.GetValue<decimal>());
        Assert.Empty(outputs["Pending"]!.AsArray());
    }

    [Fact]
    public async Task The_due_date_passing_follows_Overdue_once_and_a_late_completion_still_ends_with_Done()
    {
        var (engine, instanceId) = await StartAsync("1.3"); // "trước ngày 25/7/2026": due at the end of 24/7
        await using var _e = engine;
        var taskId = TaskOf(engine, "TU-DUUBND");

        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["overdue"], await engine.WrittenLinesAsync(instanceId));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(instanceId)).SubStatus);
        var overdue = Assert.Single(engine.Notifications.Of<PlanTaskOverdue>());
        Assert.Equal(new DateTimeOffset(2026, 7, 24, 17, 0, 0, TimeSpan.Zero), overdue.At);
        Assert.Equal(["TU-DUUBND"], overdue.PendingUnitCodes);
        var journal = (await engine.Store.QueryJournalAsync(instanceId, new WorkflowHost.Workflows.Persistence.JournalFilter { ActivityIds = ["task"] }, 0, 100)).Items;
        var suspended = journal.Last(e => e.EventName == "Suspended");
        Assert.Equal("Nhiệm vụ 1.3 quá hạn, còn 1 đơn vị chưa hoàn thành: TU-DUUBND.", suspended.Message);
        Assert.Equal("Overdue", suspended.Payload!["Outcomes"]![0]!.GetValue<string>());

        await engine.Runtime.CompleteTaskAsync(taskId, Answer("complete", "Hoàn thành muộn."));

        Assert.Equal(["overdue", "done"], await engine.WrittenLinesAsync(instanceId));
        var completedEntry = (await engine.Store.QueryJournalAsync(instanceId, new WorkflowHost.Workflows.Persistence.JournalFilter { ActivityIds = ["task"], EventNames = ["Completed"] }, 0, 100)).Items.Single();
        Assert.Equal("Nhiệm vụ 1.3 hoàn thành sau thời hạn.", completedEntry.Message);
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(instanceId)).SubStatus);
        Assert.True(Assert.Single(engine.Notifications.Of<PlanTaskCompleted>()).Late);
        Assert.True(Assert.Single(engine.Notifications.Of<PlanTaskProgressReported>()).Late);
    }

    [Fact]
    public async Task Completing_before_the_due_date_removes_the_due_timer()
    {
        var (engine, instanceId) = await StartAsync("1.3");
        await using var _e = engine;

        await engine.Runtime.CompleteTaskAsync(TaskOf(engine, "TU-DUUBND"), Answer("complete", "Xong."));
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["done"], await engine.WrittenLinesAsync(instanceId));
        Assert.Empty(engine.Notifications.Of<PlanTaskOverdue>());
        Assert.Empty(await engine.Store.ListAsync(instanceId));
    }

    [Theory]
    [InlineData("{\"action\":\"finish\"}", "action")]
    [InlineData("{\"action\":\"progress\",\"targets\":{\"MT-KHONGCO\":1}}", "targets.MT-KHONGCO")]
    [InlineData("{\"action\":\"progress\",\"targets\":{\"MT-CHEDO\":120}}", "targets.MT-CHEDO")]
    [InlineData("{\"action\":\"complete\",\"targets\":{\"MT-NHATAM\":-1}}", "targets.MT-NHATAM")]
    [InlineData("{\"action\":\"complete\",\"targets\":{\"MT-NHATAM\":\"mười\"}}", "targets.MT-NHATAM")]
    public async Task A_refused_answer_keeps_the_task_open_and_names_the_field(string answer, string field)
    {
        var (engine, instanceId) = await StartAsync("1.3");
        await using var _e = engine;
        var taskId = TaskOf(engine, "TU-DUUBND");

        await engine.Runtime.CompleteTaskAsync(taskId, JsonNode.Parse(answer));

        Assert.Empty(engine.Notifications.Of<PlanTaskProgressReported>());
        Assert.NotNull((await engine.OutputsAsync(instanceId, "task"))["Error"]);
        var records = await engine.Store.ListActivityRecordsAsync(instanceId);
        Assert.Equal(field, records.Single(r => r.ActivityId == "task").Payload!["Refused"]!["field"]!.GetValue<string>());

        await engine.Runtime.CompleteTaskAsync(taskId, Answer("complete", "Xong."));
        Assert.Equal(["done"], await engine.WrittenLinesAsync(instanceId));
    }

    [Fact]
    public async Task Explicit_executing_units_override_the_plan_and_an_unknown_task_number_is_an_error_naming_the_input()
    {
        await using var engine = new ChainEngine(Start);
        var overridden = await engine.StartAsync(await engine.PublishAsync(Definition(Flowchart(
            [Activity("task", "WorkflowHost.PlanTask", ("taskNumber", Lit("1.2")), ("executingUnits", Lit("DUX-SAPA, DUX-YTY")))]))),
            new JsonObject { ["planId"] = "003" });
        Assert.Equal(["DUX-SAPA", "DUX-YTY"], engine.Notifications.Of<PlanTaskAssigned>().Single().Units.Select(u => u.UnitCode));
        Assert.Equal(["TU-DUUBND"], engine.Notifications.Of<PlanTaskAssigned>().Single().DirectingUnitCodes);
        Assert.Equal(WorkflowSubStatus.Suspended, overridden.SubStatus);

        var unknown = await engine.StartAsync(await engine.PublishAsync(TaskFlow("9.9")), new JsonObject { ["planId"] = "003" });
        Assert.Equal(WorkflowSubStatus.Faulted, unknown.SubStatus);
        Assert.StartsWith("TaskNumber:", Assert.Single((await engine.InstanceAsync(unknown.InstanceId)).Incidents).Message);

        // HU-BATXAT was a huyện until 2025: not on the plan's 2026 tree.
        var gone = await engine.StartAsync(await engine.PublishAsync(Definition(Flowchart(
            [Activity("task", "WorkflowHost.PlanTask", ("taskNumber", Lit("1.2")), ("executingUnits", Lit("HU-BATXAT")))]))),
            new JsonObject { ["planId"] = "003" });
        Assert.Equal(WorkflowSubStatus.Faulted, gone.SubStatus);
        Assert.StartsWith("ExecutingUnits:", Assert.Single((await engine.InstanceAsync(gone.InstanceId)).Incidents).Message);
    }
}
