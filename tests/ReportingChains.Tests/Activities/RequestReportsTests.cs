using System.Diagnostics;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using Xunit.Abstractions;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class RequestReportsTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2022, 9, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A unit's chain that reports at once.</summary>
    private static JsonObject ReportsAtOnce(string id) => Definition(Flowchart([WriteLine("report", "báo cáo")]), definitionId: id);

    /// <summary>A unit's chain that reports when the event "submit:{unitCode}" is published.</summary>
    private static JsonObject ReportsOnSubmit(string id) => Definition(Flowchart(
        [Activity("wait", "Elsa.Event", ("eventName", Js("return 'submit:' + getInput('unitCode');"))), WriteLine("report", "báo cáo")],
        ("wait", "Done", "report")), definitionId: id);

    private static JsonObject Requesting(string childDefinitionId, string deadline, params (string Name, JsonNode? Value)[] selection) =>
        Definition(Flowchart(
            [
                Activity("request", "WorkflowHost.RequestReports",
                    [("childWorkflowDefinitionId", Lit(childDefinitionId)), ("deadline", Lit(deadline)), ("planId", Lit("002")), .. selection]),
                WriteLine("all", "all reported"), WriteLine("late", "deadline"),
            ],
            ("request", "AllReported", "all"), ("request", "Deadline", "late")));

    [Theory]
    [InlineData("2022-09-01", UnitKind.DistrictCommittee, 9)]
    [InlineData("2026-06-01", UnitKind.CommuneCommittee, 30)]
    public async Task The_same_request_selects_huyen_on_the_2022_tree_and_xa_phuong_on_the_2026_tree(string asOf, UnitKind expectedKind, int expectedCount)
    {
        var start = DateOnly.Parse(asOf).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var engine = new ChainEngine(start);
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 20/12/2026",
            ("kinds", Lit("DistrictCommittee, CommuneCommittee"))));

        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = asOf });

        var request = Assert.Single(engine.Notifications.Of<ReportsRequested>());
        Assert.Equal(expectedCount, request.Units.Count);
        var units = (await engine.Organisation.SnapshotAsync(DateOnly.Parse(asOf))).Units.ToDictionary(u => u.Code);
        Assert.All(request.Units, u => Assert.Equal(expectedKind, units[u.UnitCode].Kind));
        Assert.Equal(("002", "TU", DateOnly.Parse(asOf)), (request.PlanId, request.RequestingUnitCode, request.AsOf));
        Assert.Equal(1, engine.Organisation.SnapshotQueries - 1); // the request's one query (the line above made the other)

        await engine.Driver.RunUntilIdleAsync(engine.Clock.GetUtcNow());

        Assert.Equal(["all reported"], await engine.WrittenLinesAsync(run.InstanceId));
        var closed = Assert.Single(engine.Notifications.Of<ReportingClosed>());
        Assert.Equal(ReportingClosedReason.AllReported, closed.Reason);
        Assert.Equal(request.Units.Select(u => u.UnitCode).Order(), closed.Reported.Order());
        Assert.Empty(closed.Laggards);
        // Each child got the unit, its parent, the tree date, the resolved deadline and the plan.
        var child = await engine.InstanceAsync(request.Units[0].ChildWorkflowInstanceId);
        Assert.Equal(request.Units[0].UnitCode, child.Input["unitCode"]!.GetValue<string>());
        Assert.Equal("TU", child.Input["parentUnitCode"]!.GetValue<string>());
        Assert.Equal(asOf, child.Input["asOf"]!.GetValue<string>());
        Assert.Equal("002", child.Input["planId"]!.GetValue<string>());
        Assert.Equal("2026-12-19", child.Input["deadline"]!["lastDay"]!.GetValue<string>());
        Assert.Equal(run.InstanceId, child.ParentWorkflowInstanceId);
    }

    [Theory]
    [InlineData("002", UnitKind.DistrictCommittee, 9)]
    [InlineData("003", UnitKind.CommuneCommittee, 30)]
    public async Task Without_a_date_the_tree_is_the_one_of_the_plan_named_by_its_id(string planId, UnitKind expectedKind, int expectedCount)
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Activity("request", "WorkflowHost.RequestReports", ("childWorkflowDefinitionId", Lit("unit-chain")),
                ("deadline", Lit("trước ngày 20/12/2026")), ("kinds", Lit("DistrictCommittee, CommuneCommittee")))])));

        await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["planId"] = planId });

        var request = Assert.Single(engine.Notifications.Of<ReportsRequested>());
        Assert.Equal(planId, request.PlanId);
        var units = (await engine.Organisation.SnapshotAsync(request.AsOf)).Units.ToDictionary(u => u.Code);
        Assert.Equal(expectedCount, request.Units.Count);
        Assert.All(request.Units, u => Assert.Equal(expectedKind, units[u.UnitCode].Kind));
    }

    [Fact]
    public async Task Without_a_date_or_a_known_plan_the_request_is_an_incident_naming_AsOf()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Activity("request", "WorkflowHost.RequestReports", ("childWorkflowDefinitionId", Lit("unit-chain")), ("deadline", Lit("trước ngày 30/9/2022")))])));

        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["planId"] = "999" });

        Assert.StartsWith("AsOf:", Assert.Single(run.Incidents).Message);
    }

    [Theory]
    [InlineData("ByLevel", "", "Huyen", "", "2022-09-01", "DistrictCommittee:9,DirectCommittee:3")]
    [InlineData("ByLevel", "", "Huyen", "", "2026-06-01", "DirectCommittee:4")]
    [InlineData("ByLevel", "", "CoSo", "HU-SAPA", "2022-09-01", "GrassrootsOrganisation:10")]
    [InlineData("ByKind", "Department", "", "TU", "2022-09-01", "Department:9")]
    [InlineData("ChildrenOfRunningUnit", "", "", "", "2022-09-01", "CommitteeBoard:5,PartyGroup:3,FrontOrganisation:17,Department:9,DirectCommittee:3,DistrictCommittee:9")]
    public async Task Selection_modes_name_the_units_of_the_tree_of_the_day(string selection, string kinds, string levels, string under, string asOf, string expected)
    {
        await using var engine = new ChainEngine(DateOnly.Parse(asOf).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 20/12/2026",
            ("selection", Lit(selection)), ("kinds", Lit(kinds)), ("levels", Lit(levels)), ("under", Lit(under))));

        await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = asOf });

        var units = (await engine.Organisation.SnapshotAsync(DateOnly.Parse(asOf))).Units.ToDictionary(u => u.Code);
        var byKind = Assert.Single(engine.Notifications.Of<ReportsRequested>()).Units.GroupBy(u => units[u.UnitCode].Kind)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
        var expectedByKind = expected.Split(',').Select(e => e.Split(':')).ToDictionary(e => e[0], e => int.Parse(e[1]));
        Assert.Equal(expectedByKind.OrderBy(e => e.Key), byKind.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task When_all_units_report_before_the_deadline_the_outcome_is_AllReported()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsOnSubmit("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 30/9/2022",
            ("selection", Lit("Explicit")), ("units", Lit("HU-BATXAT, HU-SAPA, HU-TPLAOCAI"))));
        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = "2022-09-01" });
        await engine.Driver.RunUntilIdleAsync(Start);

        await engine.Runtime.PublishEventAsync("submit:HU-SAPA");
        await engine.Runtime.PublishEventAsync("submit:HU-BATXAT");
        await engine.Driver.RunUntilIdleAsync(Start.AddDays(5));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
        await engine.Runtime.PublishEventAsync("submit:HU-TPLAOCAI");
        await engine.Driver.RunUntilIdleAsync(Start.AddDays(6));

        Assert.Equal(["all reported"], await engine.WrittenLinesAsync(run.InstanceId));
        var outputs = await engine.OutputsAsync(run.InstanceId, "request");
        Assert.Equal(["HU-BATXAT", "HU-SAPA", "HU-TPLAOCAI"], outputs["Reported"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Empty(outputs["Laggards"]!.AsArray());
        Assert.Equal(3, engine.Notifications.Of<UnitReported>().Count);
        Assert.Empty(await engine.Store.ListAsync(run.InstanceId)); // the deadline timer went with the activity
    }

    [Fact]
    public async Task A_unit_that_has_not_reported_at_the_deadline_is_a_laggard_and_its_late_report_does_not_rerun_the_request()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsOnSubmit("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 30/9/2022",
            ("selection", Lit("Explicit")), ("units", Lit("HU-BATXAT, HU-SAPA, HU-TPLAOCAI"))));
        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = "2022-09-01" });
        await engine.Driver.RunUntilIdleAsync(Start);
        await engine.Runtime.PublishEventAsync("submit:HU-SAPA");
        await engine.Runtime.PublishEventAsync("submit:HU-TPLAOCAI");

        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 10, 5, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["deadline"], await engine.WrittenLinesAsync(run.InstanceId));
        var closed = Assert.Single(engine.Notifications.Of<ReportingClosed>());
        Assert.Equal((ReportingClosedReason.Deadline, new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero)), (closed.Reason, closed.ClosedAt));
        Assert.Equal(["HU-BATXAT"], closed.Laggards);
        Assert.Equal(["HU-SAPA", "HU-TPLAOCAI"], closed.Reported.Order());
        Assert.Equal(["HU-BATXAT"], (await engine.OutputsAsync(run.InstanceId, "request"))["Laggards"]!.AsArray().Select(n => n!.GetValue<string>()));

        // The laggard reports late: its own chain finishes (and says so), the request is not run again.
        var laggard = Assert.Single(engine.Notifications.Of<ReportsRequested>()).Units.Single(u => u.UnitCode == "HU-BATXAT");
        await engine.Runtime.PublishEventAsync("submit:HU-BATXAT");
        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(laggard.ChildWorkflowInstanceId)).SubStatus);
        Assert.Contains(engine.Notifications.Of<WorkflowFinished>(), f => f.WorkflowInstanceId == laggard.ChildWorkflowInstanceId && f.ParentWorkflowInstanceId == run.InstanceId);
        Assert.Single(engine.Notifications.Of<ReportingClosed>());
        Assert.Equal(["Started", "Suspended", "Resumed", "Suspended", "Resumed", "Suspended", "Resumed", "Completed"], await engine.JournalAsync(run.InstanceId, "request"));
    }

    [Fact]
    public async Task A_unit_whose_chain_faulted_is_still_awaited_and_is_a_laggard_at_the_deadline()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("check", "Elsa.FlowDecision", ("condition", Js("return getInput('unitCode') == 'HU-SAPA';"))),
                Activity("fail", "Elsa.Fault", ("message", Lit("Lỗi dữ liệu"))),
                WriteLine("report", "báo cáo"),
            ],
            ("check", "True", "fail"), ("check", "False", "report")), definitionId: "unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 30/9/2022",
            ("selection", Lit("Explicit")), ("units", Lit("HU-BATXAT, HU-SAPA"))));
        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = "2022-09-01" });

        await engine.Driver.RunUntilIdleAsync(Start.AddDays(1));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
        Assert.Equal(["HU-BATXAT"], engine.Notifications.Of<UnitReported>().Select(u => u.UnitCode));

        await engine.Driver.RunUntilIdleAsync();
        var closed = Assert.Single(engine.Notifications.Of<ReportingClosed>());
        Assert.Equal(ReportingClosedReason.Deadline, closed.Reason);
        Assert.Equal(["HU-SAPA"], closed.Laggards);
    }

    [Fact]
    public async Task A_deadline_relative_to_the_parent_is_counted_from_the_deadline_the_level_above_passed_down()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "5 ngày làm việc trước thời hạn của cấp trên", ("selection", Lit("ChildrenOfRunningUnit"))));
        var parentDeadline = new JsonObject
        {
            ["rule"] = new JsonObject { ["kind"] = "before", ["date"] = "2022-09-30" }, ["lastDay"] = "2022-09-29",
            ["dueUtc"] = "2022-09-29T17:00:00+00:00", ["displayText"] = "hết ngày 29/09/2022",
        };

        await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "HU-BATXAT", ["asOf"] = "2022-09-01", ["deadline"] = parentDeadline });

        var request = Assert.Single(engine.Notifications.Of<ReportsRequested>());
        Assert.Equal(new DateTimeOffset(2022, 9, 22, 17, 0, 0, TimeSpan.Zero), request.DeadlineUtc); // Thu 29/9 − 5 working days = Thu 22/9
        Assert.NotEmpty(request.Units);
    }

    [Fact]
    public async Task An_unknown_unit_in_an_explicit_list_is_an_incident_naming_the_input_and_the_code()
    {
        await using var engine = new ChainEngine(Start);
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 30/9/2022",
            ("selection", Lit("Explicit")), ("units", Lit("HU-BATXAT, XA-KHONGCO"))));

        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "TU", ["asOf"] = "2022-09-01" });

        var incident = Assert.Single(run.Incidents);
        Assert.StartsWith("Units:", incident.Message);
        Assert.Contains("XA-KHONGCO", incident.Message);
        Assert.Empty(await engine.Store.ListAsync()); // nothing dispatched
    }

    [Fact]
    public async Task Three_thousand_five_hundred_units_in_one_request_all_report()
    {
        const int count = 3_500;
        await using var engine = new ChainEngine(Start, InMemoryOrganisation.Generated(count));
        await engine.PublishAsync(ReportsAtOnce("unit-chain"));
        var definition = await engine.PublishAsync(Requesting("unit-chain", "trước ngày 30/9/2022"));
        var stopwatch = Stopwatch.StartNew();

        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "GEN", ["asOf"] = "2022-09-01" });
        var requested = stopwatch.Elapsed;
        var processed = await engine.Driver.RunUntilIdleAsync(Start);

        output.WriteLine($"{count} units: request {requested.TotalMilliseconds:F0} ms, all children + reports {stopwatch.Elapsed.TotalMilliseconds:F0} ms ({processed} due rows)");
        Assert.Equal(1, engine.Organisation.SnapshotQueries);
        var closed = Assert.Single(engine.Notifications.Of<ReportingClosed>());
        Assert.Equal(ReportingClosedReason.AllReported, closed.Reason);
        Assert.Equal(count, closed.Reported.Distinct().Count());
        Assert.Empty(closed.Laggards);
        Assert.Equal(["all reported"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }
}
