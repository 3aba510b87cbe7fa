using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Application;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Plans.Json;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// The Report handlers as the engine's EF commit drives them: the notifications of one burst published through one
/// scope, then one SaveChanges; each later read is a fresh context.
/// </summary>
public sealed class ReportPersistenceHandlersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2019, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private ReportingDatabase _database = null!;

    public async Task InitializeAsync()
    {
        var plans = PlanTemplateDirectory.Read(Path.Combine(RepositoryRoot.Locate(null), "workflows", "plans"));
        Assert.True(plans.Succeeded);
        _database = await ReportingDatabase.SqliteAsync(services => services
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IPlanTemplates>(new PlanTemplateCatalog(plans.Templates))
            .AddMediatorHandlers(typeof(ReportPersistenceHandlers).Assembly));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task CommitAsync(params INotification[] notifications) => _database.SaveAsync(async sp =>
    {
        foreach (var notification in notifications) await sp.GetRequiredService<IMediator>().Publish(notification);
    });

    private Task<Report?> ReportAsync() =>
        _database.InScopeAsync(sp => sp.GetRequiredService<IReportRepository>().FindForInstanceAsync("004", "wf-huyen", "HU-BATXAT"));

    private static ChildrenTotals Totals(decimal money) => new(new Dictionary<string, decimal> { ["HOCBONG-TIEN"] = money, ["HOCBONG"] = 42 }, []);

    [Fact]
    public async Task Consolidating_and_opening_in_one_commit_create_one_report_pre_filled_with_the_exact_sums()
    {
        var id = ReportIds.For("004", "wf-huyen", "HU-BATXAT");

        await CommitAsync(
            new ReportsConsolidated("wf-huyen", "ai-1", "004", "huyen", "HU-BATXAT", id, Totals(12_500_000.75m), ["CS-BATXAT-01", "CS-BATXAT-02"], ["CS-BATXAT-03"], At),
            new ReportDraftOpened("wf-huyen", "ai-2", "004", "huyen", "HU-BATXAT", id, "task-1", "HU-BATXAT", Totals(12_500_000.75m), At));

        var report = (await ReportAsync())!;
        Assert.Equal((id, 1), (report.Id, report.Versions.Count));
        Assert.Single(await _database.InScopeAsync(sp => sp.GetRequiredService<IReportRepository>().ListForPlanAsync("004")));
        var entry = report.Current.EntryOf("HOCBONG-TIEN")!;
        Assert.Equal((12_500_000.75m, 12_500_000.75m), (entry.ChildrenSum!.Value, entry.Value!.Value));
    }

    [Fact]
    public async Task Saves_refusals_and_the_submission_change_the_current_version_and_a_reopened_draft_gets_the_new_sums()
    {
        var id = ReportIds.For("004", "wf-huyen", "HU-BATXAT");
        await CommitAsync(new ReportDraftOpened("wf-huyen", "ai-1", "004", "huyen", "HU-BATXAT", id, "task-1", "HU-BATXAT", Totals(100m), At));
        var plan = (await _database.InScopeAsync(sp => sp.GetRequiredService<IPlanTemplates>().FindAsync("004")))!;
        var complete = new ReportDraft(plan.AllSections().Where(s => s.Required).ToDictionary(s => s.Number, s => "Nội dung " + s.Number),
            new Dictionary<string, decimal> { ["HOCBONG"] = 40, ["HOCBONG-TIEN"] = 100m }, []);

        await CommitAsync(new ReportDraftSaved("wf-huyen", "ai-1", "004", "HU-BATXAT", id, "task-1", 1, 1,
            complete with { IndicatorValues = new Dictionary<string, decimal> { ["HOCBONG"] = 41 } }, "chuyenvien", At));
        Assert.Equal((41m, 42m), ((await ReportAsync())!.Current.ValueOf("HOCBONG")!.Value, (await ReportAsync())!.Current.EntryOf("HOCBONG")!.ChildrenSum!.Value));

        await CommitAsync(new ReportDraftRefused("wf-huyen", "ai-1", "004", "HU-BATXAT", id, "task-1", "submit",
            [new ReportError(ReportError.NegativeValue, "âm", "indicators.HOCBONG")], complete with { IndicatorValues = new Dictionary<string, decimal> { ["HOCBONG"] = -1 } },
            "chuyenvien", At));
        Assert.Equal(-1m, (await ReportAsync())!.Current.ValueOf("HOCBONG"));

        await CommitAsync(new ReportDraftSubmitted("wf-huyen", "ai-1", "004", "HU-BATXAT", id, "task-1", 1, complete, "chuyenvien", At));
        var submitted = (await ReportAsync())!;
        Assert.Equal((ReportStatus.Submitted, 40m, "chuyenvien"), (submitted.Current.Status, submitted.Current.ValueOf("HOCBONG")!.Value, submitted.Current.UpdatedBy));

        // The collective rejects (its own handler) and, in the same commit, drafting reopens with a late child counted.
        await _database.SaveAsync(async sp =>
        {
            var report = (await sp.GetRequiredService<IReportRepository>().FindForInstanceAsync("004", "wf-huyen", "HU-BATXAT"))!;
            Assert.True(report.MarkRejected("bithu", At.AddDays(1), ["Bổ sung số liệu"]).Succeeded);
            await sp.GetRequiredService<IMediator>().Publish(
                new ReportDraftOpened("wf-huyen", "ai-3", "004", "huyen", "HU-BATXAT", id, "task-2", "HU-BATXAT", Totals(130.5m), At.AddDays(1)));
        });

        var reopened = (await ReportAsync())!;
        Assert.Equal([ReportStatus.Rejected, ReportStatus.Draft], reopened.Versions.Select(v => v.Status));
        Assert.Equal(["Bổ sung số liệu"], reopened.ReasonsToRevise.Select(r => r.Text));
        Assert.Equal((130.5m, 130.5m), (reopened.Current.EntryOf("HOCBONG-TIEN")!.ChildrenSum!.Value, reopened.Current.ValueOf("HOCBONG-TIEN")!.Value));
        Assert.Equal(100m, reopened.Versions[0].ValueOf("HOCBONG-TIEN")); // the rejected version keeps what was submitted
        Assert.Equal(40m, reopened.Current.ValueOf("HOCBONG")); // the drafter's own value, not the children's 42
    }
}
