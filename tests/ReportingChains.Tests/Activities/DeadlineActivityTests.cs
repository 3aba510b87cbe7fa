using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class DeadlineActivityTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 1, 1, 0, 0, TimeSpan.Zero);

    private static JsonObject DeadlineThen(string rule, string mode = "ResolveOnly", string port = "Done") =>
        Definition(Flowchart(
            [Activity("deadline", "WorkflowHost.Deadline", ("rule", Lit(rule)), ("mode", Lit(mode))), WriteLine("after", "after")],
            ("deadline", port, "after")));

    private static async Task<JsonObject> ParentDeadlineAsync(ChainEngine engine, string phrase)
    {
        var resolver = (DeadlineResolver)engine.Services.GetService(typeof(DeadlineResolver))!;
        return DeadlineValue.ToJson(await resolver.ResolveAsync(DeadlinePhraseParser.Parse(phrase)));
    }

    [Theory]
    [InlineData("trước ngày 05/7/2014", "2014-07-04T17:00:00Z", "hết ngày 04/07/2014")]   // plan 000, units
    [InlineData("trước ngày 30/9/2022", "2022-09-29T17:00:00Z", "hết ngày 29/09/2022")]   // plan 002, huyện
    [InlineData("trước ngày 20/10/2022", "2022-10-19T17:00:00Z", "hết ngày 19/10/2022")]  // plan 002, to Trung ương
    [InlineData("trước ngày 10/3/2019", "2019-03-09T17:00:00Z", "hết ngày 09/03/2019")]   // plan 004, units
    [InlineData("cuối tháng 3/2019", "2019-03-31T17:00:00Z", "hết ngày 31/03/2019")]      // plan 004, province
    [InlineData("trong tháng 6/2026", "2026-06-30T17:00:00Z", "hết ngày 30/06/2026")]     // plan 003
    [InlineData("{\"kind\":\"onDate\",\"date\":\"2026-12-22\"}", "2026-12-22T17:00:00Z", "hết ngày 22/12/2026")]
    public async Task Seed_plan_deadlines_resolve_to_the_end_of_the_last_day_in_Vietnam(string rule, string dueUtc, string display)
    {
        await using var engine = new ChainEngine(new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var run = await engine.StartAsync(await engine.PublishAsync(DeadlineThen(rule)), new JsonObject { ["unitCode"] = "TU" });

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        var outputs = await engine.OutputsAsync(run.InstanceId, "deadline");
        Assert.Equal(DateTimeOffset.Parse(dueUtc), DateTimeOffset.Parse(outputs["DueUtc"]!.GetValue<string>()));
        Assert.Equal(display, outputs["DisplayText"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse(dueUtc), DateTimeOffset.Parse(outputs["Resolved"]!["dueUtc"]!.GetValue<string>()));
        var resolved = Assert.Single(engine.Notifications.Of<DeadlineResolved>());
        Assert.Equal(DateTimeOffset.Parse(dueUtc), resolved.DueUtc);
        Assert.Equal("TU", resolved.UnitCode);
    }

    [Fact]
    public async Task A_rule_relative_to_the_parent_counts_working_days_back_from_the_deadline_the_level_above_passed_down()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(DeadlineThen("3 ngày làm việc trước thời hạn của cấp trên"));

        var run = await engine.StartAsync(definition, new JsonObject { ["deadline"] = await ParentDeadlineAsync(engine, "trước ngày 30/9/2022") });

        // Parent's last day Thu 29/9/2022 → three working days earlier is Mon 26/9.
        var outputs = await engine.OutputsAsync(run.InstanceId, "deadline");
        Assert.Equal("2022-09-26", outputs["Resolved"]!["lastDay"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2022, 9, 26, 17, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(outputs["DueUtc"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Wait_until_due_follows_the_Due_port_exactly_when_the_clock_reaches_the_deadline()
    {
        await using var engine = new ChainEngine(Start);
        var run = await engine.StartAsync(await engine.PublishAsync(DeadlineThen("trước ngày 30/9/2022", "WaitUntilDue", "Due")), new JsonObject());
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 9, 29, 16, 59, 59, TimeSpan.Zero));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(run.InstanceId)).SubStatus);

        await engine.Driver.RunUntilIdleAsync();
        var instance = await engine.InstanceAsync(run.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero), engine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_deadline_set_by_the_parent_is_a_task_for_the_running_unit_that_refuses_days_after_its_own_deadline()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(DeadlineThen("do cấp trên quyết định"));
        var run = await engine.StartAsync(definition, new JsonObject
        {
            ["unitCode"] = "HU-BATXAT", ["deadline"] = await ParentDeadlineAsync(engine, "trước ngày 30/9/2022"),
        });

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var task = Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Equal("WorkflowHost.ChooseDeadline", task.TaskName);
        Assert.Equal(("HU-BATXAT", "Head", "2022-09-29"),
            (task.Payload!["unitCode"]!.GetValue<string>(), task.Payload["role"]!.GetValue<string>(), task.Payload["dueAt"]!.GetValue<string>()));
        var choice = Assert.Single(engine.Notifications.Of<DeadlineChoiceRequested>());
        Assert.Equal((task.TaskId, "HU-BATXAT", new DateOnly(2022, 9, 29), new DateOnly(2022, 9, 1)),
            (choice.TaskId, choice.ChooserUnitCode, choice.LatestLastDay, choice.EarliestLastDay));

        // After the huyện's own deadline: refused, the task stays open.
        var refused = await engine.Runtime.CompleteTaskAsync(task.TaskId, new JsonObject { ["deadline"] = "trước ngày 15/10/2022" });
        Assert.Equal(ResumeOutcome.Resumed, refused.Outcome);
        Assert.Equal(WorkflowSubStatus.Suspended, refused.Run!.SubStatus);
        var refusal = Assert.Single(engine.Notifications.Of<DeadlineChoiceRefused>());
        Assert.Equal(task.TaskId, refusal.TaskId);
        Assert.Contains("muộn hơn thời hạn của cấp trên", refusal.ReasonVietnamese);
        Assert.Contains("muộn hơn", (await engine.OutputsAsync(run.InstanceId, "deadline"))["Error"]!.GetValue<string>());

        // Unreadable: refused too, still open.
        await engine.Runtime.CompleteTaskAsync(task.TaskId, "sớm nhất có thể");
        Assert.Equal(2, engine.Notifications.Of<DeadlineChoiceRefused>().Count);
        Assert.Empty(engine.Notifications.Of<RunTaskCompleted>()); // refused answers leave the inbox item open

        // The inbox answers {completedBy, comment, data}.
        var accepted = await engine.Runtime.CompleteTaskAsync(task.TaskId,
            new JsonObject { ["completedBy"] = "huyen.batxat", ["comment"] = null, ["data"] = new JsonObject { ["deadline"] = "trước ngày 15/9/2022" } });
        Assert.Equal(WorkflowSubStatus.Finished, accepted.Run!.SubStatus);
        Assert.Equal(task.TaskId, Assert.Single(engine.Notifications.Of<RunTaskCompleted>()).TaskId);
        var outputs = await engine.OutputsAsync(run.InstanceId, "deadline");
        Assert.Equal(new DateTimeOffset(2022, 9, 14, 17, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(outputs["DueUtc"]!.GetValue<string>()));
        Assert.Equal("setByParent", outputs["Resolved"]!["rule"]!["kind"]!.GetValue<string>());
        Assert.Null(outputs["Error"]);
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(task.TaskId, "trước ngày 10/9/2022")).Outcome);
    }

    [Fact]
    public async Task An_unreadable_rule_is_an_incident_naming_the_input()
    {
        await using var engine = new ChainEngine(Start);
        var run = await engine.StartAsync(await engine.PublishAsync(DeadlineThen("sớm nhất có thể")), new JsonObject());

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("deadline", incident.ActivityId);
        Assert.StartsWith("Rule:", incident.Message);
        Assert.Contains("sớm nhất có thể", incident.Message);
    }
}
