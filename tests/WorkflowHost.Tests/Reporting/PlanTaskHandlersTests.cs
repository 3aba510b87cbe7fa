using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Application;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.PlanTasks;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// The plan-task handlers as the engine's EF commit drives them (publish through one scope, one SaveChanges), on
/// SQLite and PostgreSQL: assignments, progress history, target values, the overdue mark and the occasions.
/// </summary>
public sealed class PlanTaskHandlersTests
{
    private static readonly DateTimeOffset Assigned = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 7, 24, 17, 0, 0, TimeSpan.Zero);

    private static Task CommitAsync(ReportingDatabase database, params INotification[] notifications) => database.SaveAsync(async sp =>
    {
        var mediator = sp.GetRequiredService<IMediator>();
        foreach (var notification in notifications) await mediator.Publish(notification);
    });

    private static PlanTaskProgressReported Progress(string unit, string taskId, bool completes, string text, bool late, DateTimeOffset at,
        params (string Code, decimal Value)[] targets) =>
        new("wf1", "ai1", "003", "1.3", unit, taskId, completes, text, targets.ToDictionary(t => t.Code, t => t.Value), late, "chuyenvien", at);

    public static TheoryData<string> Providers() => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Assignment_progress_targets_overdue_and_occasions_are_persisted_in_the_commit(string provider)
    {
        if (provider == "Postgres" && PostgresFactAttribute.ConnectionString is null) return; // PostgreSQL not configured here
        await using var database = await ReportingDatabase.CreateAsync(provider, services => services
            .AddMediatorHandlers(typeof(PlanTaskHandlers).Assembly));

        var assigned = new PlanTaskAssigned("wf1", "ai1", "task-1-3", "003", "1.3", "Xóa nhà tạm, nhà dột nát", ["TU-DUUBND"],
            [new PlanTaskUnit("TU-DUUBND", "Đảng ủy Ủy ban nhân dân tỉnh", "t1"), new PlanTaskUnit("DUX-SAPA", "Đảng ủy phường Sa Pa", "t2")],
            Due, "hết ngày 24/07/2026", Assigned);
        await CommitAsync(database, assigned, assigned); // a retried burst publishes twice: one row per task
        await CommitAsync(database, Progress("TU-DUUBND", "t1", false, "Đã hỗ trợ 40/52 hộ.", false, Assigned.AddDays(10), ("MT-NHATAM", 12m)));
        await CommitAsync(database, new PlanTaskOverdue("wf1", "ai1", "003", "1.3", ["TU-DUUBND", "DUX-SAPA"], Due, Due));
        await CommitAsync(database, Progress("TU-DUUBND", "t1", true, "Hoàn thành 52/52 hộ.", true, Due.AddDays(3), ("MT-NHATAM", 0m), ("MT-CHEDO", 99.5m)));
        await CommitAsync(database, new OccasionDue("wf1", "ai2", "occasions", "003", "Ngày Thương binh - Liệt sĩ", new DateOnly(2026, 7, 27), 1,
            new DateOnly(2027, 2, 6), new DateTimeOffset(2026, 7, 27, 1, 0, 0, TimeSpan.Zero)));

        await database.InScopeAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IPlanTaskRepository>();
            var assignments = await repository.ListAssignmentsAsync("wf1", "1.3");
            Assert.Equal(["DUX-SAPA", "TU-DUUBND"], assignments.Select(a => a.UnitCode));
            var done = assignments.Single(a => a.UnitCode == "TU-DUUBND");
            Assert.Equal((PlanTaskState.Completed, true, Due.AddDays(3), "Hoàn thành 52/52 hộ."), (done.State, done.IsOverdue, done.CompletedAt, done.LastProgressText));
            Assert.Equal((PlanTaskState.Open, true, (DateTimeOffset?)Due), (assignments[0].State, assignments[0].IsOverdue, assignments[0].DueUtc));
            Assert.Equal([(false, false), (true, true)], (await repository.ListProgressAsync(done.Id)).Select(p => (p.Completes, p.Late)));
            var values = await repository.ListTargetValuesAsync("003");
            Assert.Equal([("MT-NHATAM", 12m), ("MT-CHEDO", 99.5m), ("MT-NHATAM", 0m)],
                values.OrderBy(v => v.ReportedAt).ThenBy(v => v.TargetCode, StringComparer.Ordinal).Select(v => (v.TargetCode, v.Value)));
            var occasion = Assert.Single(await repository.ListOccasionsAsync("wf1"));
            Assert.Equal(("Ngày Thương binh - Liệt sĩ", new DateOnly(2026, 7, 27), 1), (occasion.Name, occasion.Date, occasion.Index));
            return 0;
        });
    }

    [Fact]
    public async Task Progress_on_a_completed_assignment_is_refused()
    {
        await using var database = await ReportingDatabase.SqliteAsync(services => services.AddMediatorHandlers(typeof(PlanTaskHandlers).Assembly));
        await CommitAsync(database, new PlanTaskAssigned("wf1", "ai1", "task-1-3", "003", "1.3", "Xóa nhà tạm", ["TU-DUUBND"],
            [new PlanTaskUnit("TU-DUUBND", "Đảng ủy Ủy ban nhân dân tỉnh", "t1")], Due, null, Assigned));
        await CommitAsync(database, Progress("TU-DUUBND", "t1", true, "Xong.", false, Assigned.AddDays(1)));

        await Assert.ThrowsAsync<PlanTaskException>(() => CommitAsync(database, Progress("TU-DUUBND", "t1", false, "Lại.", false, Assigned.AddDays(2))));
    }
}
