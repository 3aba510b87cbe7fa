using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Rehearsal;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Rehearsal;

/// <summary>
/// Plan 002 rehearsed once (virtual time, the real engine and a temporary SQLite file, the demo province on its 2022
/// tree), with the scenario pinned: Huyện ủy Sa Pa is late, the Ban Thường vụ of Bát Xát rejects its first draft,
/// Ban Dân vận returns the first submission of Ban Tuyên giáo; everybody else answers in time.
/// </summary>
public sealed class Plan002RehearsalFixture : IAsyncLifetime
{
    public const string LateHuyen = "HU-SAPA";
    public const string RejectingHuyen = "HU-BATXAT";
    public const string ReturnedBody = "TU-BTG";

    public RehearsalRun Run { get; private set; } = null!;
    public string Progress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var progress = new StringWriter();
        Run = await RehearsalCommand.RunAsync(new RehearsalOptions("002", Late: 0, Reject: 0, Seed: 3)
        {
            LateUnits = new HashSet<string> { LateHuyen },
            RejectingUnits = new HashSet<string> { RejectingHuyen },
            ReturnedUnits = new HashSet<string> { ReturnedBody },
        }, [], progress);
        Progress = progress.ToString();
    }

    public async Task DisposeAsync() => await Run.DisposeAsync();

    public RehearsalObserver Seen => Run.Host.Observer;

    public string InstanceOf(string unitCode) => Seen.Requests.SelectMany(r => r.Units).Single(u => u.UnitCode == unitCode).ChildWorkflowInstanceId;

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Run.Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

public sealed class Plan002RehearsalTests(Plan002RehearsalFixture rehearsal) : IClassFixture<Plan002RehearsalFixture>
{
    private static readonly DateTimeOffset HuyenDeadline = new(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);   // trước ngày 30/9/2022
    private static readonly DateTimeOffset TinhDeadline = new(2022, 10, 19, 17, 0, 0, TimeSpan.Zero);  // trước ngày 20/10/2022

    private RehearsalSummary Summary => rehearsal.Run.Summary;

    [Fact]
    public void Every_unit_reports_and_the_provincial_report_reaches_Trung_uong_before_20_10_2022()
    {
        Assert.True(Summary.Complete);
        var coSo = Summary.Units.Where(u => u.Level == "co-so").ToList();
        Assert.True(coSo.Count >= 100, $"{coSo.Count} cơ sở");
        Assert.All(coSo, u => Assert.False(u.Missing, u.UnitCode));
        Assert.Equal(12, Summary.Units.Count(u => u.Level == "huyen"));
        Assert.Equal(10, Summary.Units.Count(u => u.Level == "tinh-co-quan"));
        Assert.Equal(0, Summary.Missing);

        var delivered = Assert.Single(rehearsal.Seen.Receipts, r => r.WorkflowInstanceId == rehearsal.Run.TopInstanceId);
        Assert.Equal(("TU", "TW-BBT"), (delivered.Route.FromUnitCode, delivered.Route.ToUnitCode));
        Assert.Equal(delivered.ReceivedAt, Summary.Reached);
        Assert.True(Summary.Reached < TinhDeadline, $"reached {Summary.Reached}");
        Assert.True(Summary.ReachedBeforeDeadline);
    }

    [Fact]
    public void Each_huyen_sets_its_co_so_deadline_within_its_own_and_consolidates_exactly_the_reports_it_received()
    {
        var huyen = Summary.Units.Where(u => u.Level == "huyen").Select(u => u.UnitCode).ToList();
        foreach (var code in huyen)
        {
            var instance = rehearsal.InstanceOf(code);
            var chosen = Assert.Single(rehearsal.Seen.Deadlines, d => d.WorkflowInstanceId == instance && d.ActivityId == "thoi-han-cap-duoi");
            Assert.True(chosen.DueUtc <= HuyenDeadline, $"{code}: {chosen.DisplayText}");
            var request = Assert.Single(rehearsal.Seen.Requests, r => r.WorkflowInstanceId == instance);
            Assert.Equal(chosen.DueUtc, request.DeadlineUtc);
            Assert.All(Summary.Units.Where(u => request.Units.Any(r => r.UnitCode == u.UnitCode)), u => Assert.Equal(chosen.DueUtc, u.DeadlineUtc));

            var consolidation = Assert.Single(rehearsal.Seen.Consolidations, c => c.WorkflowInstanceId == instance);
            Assert.Equal(request.Units.Select(u => u.UnitCode).Order(), consolidation.Reported.Concat(consolidation.Missing).Order());
            var receivedBefore = rehearsal.Seen.Receipts.Where(r => r.Route.ToUnitCode == code && r.ReceivedAt <= consolidation.ConsolidatedAt)
                .Select(r => r.Route.FromUnitCode).ToHashSet();
            Assert.Equal(receivedBefore.Order(), consolidation.Reported.Order());
            // What its drafting form summed (a unit that requested nobody has no children on its form).
            Assert.Equal(consolidation.Reported.Order(), (rehearsal.Run.Actors.Included.GetValueOrDefault(code) ?? []).Order());
        }
        Assert.True(Summary.TotalsMatch);
    }

    [Fact]
    public void A_collective_rejects_the_first_draft_then_approves_the_second()
    {
        var decisions = rehearsal.Seen.Decisions.Where(d => d.UnitCode == Plan002RehearsalFixture.RejectingHuyen).ToList();
        Assert.Equal([ApprovalOutcome.Rejected, ApprovalOutcome.Approved], decisions.Select(d => d.Decision.Outcome));
        Assert.Equal([1, 2], decisions.Select(d => d.ReportVersion));
        Assert.Single(rehearsal.Seen.Submissions, s => s.Route.FromUnitCode == Plan002RehearsalFixture.RejectingHuyen);

        var returned = Assert.Single(rehearsal.Seen.Returns);
        Assert.Equal((Plan002RehearsalFixture.ReturnedBody, "TU-BDV"), (returned.Route.FromUnitCode, returned.Route.ViaUnitCode));
        Assert.Equal([1, 2], rehearsal.Seen.Submissions.Where(s => s.Route.FromUnitCode == Plan002RehearsalFixture.ReturnedBody).Select(s => s.Attempt));
    }

    [Fact]
    public async Task A_late_huyen_is_reminded_at_the_configured_offsets_escalated_to_Ban_Dan_van_and_then_submits()
    {
        const string late = Plan002RehearsalFixture.LateHuyen;
        var reminders = rehearsal.Seen.Reminders.Where(r => r.UnitCode == late).ToList();
        Assert.Equal(["-7d", "-3d", "-1d", "+1d"], reminders.Select(r => r.OffsetLabel));
        var lastDay = new DateOnly(2022, 9, 29);
        Assert.Equal([lastDay.AddDays(-7), lastDay.AddDays(-3), lastDay.AddDays(-1), lastDay.AddDays(1)], reminders.Select(r => r.Day));

        var escalation = Assert.Single(rehearsal.Seen.Escalations, e => e.LaggardUnitCode == late);
        Assert.Equal(("TU-BDV", "TU-VP"), (escalation.UrgingBodyCode, escalation.SupervisingUnitCode));
        var urgeTask = await rehearsal.InScopeAsync(s => s.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync(escalation.TaskId));
        Assert.Equal(("TU-BDV", InboxItemKinds.Escalation), (urgeTask!.UnitCode, urgeTask.Kind));

        var outcome = Assert.Single(Summary.Units, u => u.UnitCode == late);
        Assert.True(outcome.Late);
        Assert.True(outcome.FirstSubmittedAt > escalation.RaisedAt);
        Assert.Contains(Summary.Units, u => u.UnitCode == late && !u.Missing);
        // On-time units were reminded only before their deadline and never escalated.
        Assert.DoesNotContain(rehearsal.Seen.Escalations, e => Summary.Units.Single(u => u.UnitCode == e.LaggardUnitCode).OnTime);
    }

    [Fact]
    public async Task The_whole_history_of_a_chain_is_in_the_journal()
    {
        var instance = rehearsal.InstanceOf(Plan002RehearsalFixture.RejectingHuyen);
        var journal = await rehearsal.InScopeAsync(s => s.GetRequiredService<IWorkflowQueryStore>().QueryJournalAsync(instance, null, 0, 10_000));
        var completed = journal.Items.Where(e => e.EventName == "Completed").Select(e => e.ActivityId).ToList();
        Assert.Equal(["thoi-han-cap-duoi", "tach-nhanh", "yeu-cau", "tong-hop", "xay-dung", "thong-qua", "xay-dung", "thong-qua", "gui-bao-cao", "ket-thuc"],
            completed.Where(id => id != "nhac-viec" && id != "so-do"));
        Assert.Contains("nhac-viec", completed);
        var state = await rehearsal.Run.Host.Services.CreateScope().ServiceProvider.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instance);
        Assert.Equal(WorkflowSubStatus.Finished, state!.SubStatus);
    }

    [Fact]
    public void The_2022_plan_uses_the_huyen_level_and_a_2026_tree_of_the_same_organisation_data_has_none()
    {
        Assert.All(Summary.Units.Where(u => u.Level == "huyen"), u => Assert.True(u.UnitCode.StartsWith("HU-") || u.UnitCode.StartsWith("TU-DU"), u.UnitCode));
        Assert.Equal(9, Summary.Units.Count(u => u.UnitCode.StartsWith("HU-") && u.Level == "huyen"));
        var snapshots = rehearsal.InScopeAsync(async s =>
        {
            var organisation = s.GetRequiredService<IOrganisationQueries>();
            return (await organisation.SnapshotAsync(new DateOnly(2022, 9, 1)), await organisation.SnapshotAsync(new DateOnly(2026, 6, 1)));
        }).GetAwaiter().GetResult();
        Assert.Equal(9, snapshots.Item1.Children("TU").Count(u => u.Kind == UnitKind.DistrictCommittee));
        Assert.DoesNotContain(snapshots.Item2.Units, u => u.Kind == UnitKind.DistrictCommittee);
    }

    [Fact]
    public void Progress_is_printed_per_virtual_day_and_the_summary_ends_with_the_script_line()
    {
        Assert.Matches(@"^rehearsing plan-002 \(plan 002\) from 2022-09-01", rehearsal.Progress);
        Assert.Contains("\n2022-09-2", rehearsal.Progress);
        var output = new StringWriter();
        Summary.WriteTo(output);
        var last = output.ToString().TrimEnd().Split('\n')[^1];
        Assert.Matches(new Regex(@"^rehearsal 002: complete=true units=127 on_time=\d+ late=\d+ missing=0 totals_match=true reached=2022-10-\d\dT\d\d:\d\d:\d\dZ$"), last);
        Assert.Equal(Summary.LastLine, last);
        Assert.Equal(127, Summary.OnTime + Summary.Late);
    }
}
