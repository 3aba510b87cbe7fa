using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Application;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.Tests.Reporting;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Tests.Inbox.InboxOrganisation;

namespace WorkflowHost.Tests.Inbox;

/// <summary>
/// The inbox handlers as the engine's EF commit will drive them: notifications published through a scope's mediator,
/// then one SaveChanges for the scope. Nothing is saved by the handlers themselves.
/// </summary>
public sealed class RunTaskInboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset RequestedAt = new(2025, 1, 10, 2, 0, 0, TimeSpan.Zero);
    private ReportingDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ReportingDatabase.SqliteAsync(services => services
            .AddSingleton(TimeProvider.System)
            .AddMediatorHandlers(typeof(RunTaskInbox).Assembly));
        await _database.SaveAsync(sp => Add(sp.GetRequiredService<WorkflowHostDbContext>()));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static RunTaskRequested Requested(string taskId, string instanceId, JsonObject? payload, string name = "Xây dựng báo cáo") =>
        new(taskId, name, payload, instanceId, "plan-002", "plan-002:v1", "draft", "node", "ai-" + taskId, null, RequestedAt);

    /// <summary>Publishes through one scope and saves once, like the engine's commit.</summary>
    private Task CommitAsync(params INotification[] notifications) => _database.SaveAsync(async sp =>
    {
        var mediator = sp.GetRequiredService<IMediator>();
        foreach (var notification in notifications) await mediator.Publish(notification);
    });

    private Task<IReadOnlyList<InboxItem>> OpenFor(string userName, DateOnly asOf, InboxScope scope = InboxScope.Own) =>
        _database.InScopeAsync(sp => sp.GetRequiredService<IInboxQueries>().OpenItemsForAsync(userName, scope, asOf));

    private Task<InboxItem?> ItemOf(string taskId) =>
        _database.InScopeAsync(sp => sp.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync(taskId));

    [Fact]
    public async Task A_requested_task_becomes_an_item_for_the_units_members_with_the_role_as_of_the_day()
    {
        await CommitAsync(Requested("t1", "wf-1", new JsonObject
        {
            ["unitCode"] = "TU-BTC", ["role"] = "Drafter", ["title"] = "Dự thảo báo cáo sơ kết", ["dueAt"] = "2025-01-20",
            ["reportId"] = "R-7",
        }));

        var item = Assert.Single(await OpenFor("chuyenvien.btc", Before));
        Assert.Equal(("t1", "wf-1", "Dự thảo báo cáo sơ kết", "TU-BTC", "Drafter"),
            (item.TaskId, item.WorkflowInstanceId, item.Title, item.UnitCode, item.RequiredRole));
        Assert.Equal(new DateTime(2025, 1, 20, 17, 0, 0, DateTimeKind.Utc), item.DueAtUtc); // end of 20/1 in Vietnam
        Assert.Equal(RequestedAt.UtcDateTime, item.CreatedAtUtc);
        Assert.Equal("R-7", JsonNode.Parse(item.PayloadJson!)!["reportId"]!.GetValue<string>());
        Assert.Empty(await OpenFor("truongban.btc", Before)); // member of the unit, not a drafter
        Assert.Empty(await OpenFor("bithu.tu", Before));      // not a member of the unit
        Assert.Single(await OpenFor("admin", Before, InboxScope.All));
    }

    [Fact]
    public async Task Membership_is_checked_as_of_the_day_asked()
    {
        await CommitAsync(Requested("t2", "wf-2", new JsonObject { ["unitCode"] = "HU-BATXAT" }));

        Assert.Equal("Xây dựng báo cáo", Assert.Single(await OpenFor("pheduyet.hu", Before)).Title); // task name as title
        Assert.Empty(await OpenFor("pheduyet.hu", After)); // left the district on 30/6/2025
    }

    [Fact]
    public async Task Head_and_assignees_are_routed_and_unrouted_tasks_are_for_admins_and_designers_only()
    {
        await CommitAsync(
            Requested("t3", "wf-3", new JsonObject { ["unitCode"] = "TU-BTC", ["role"] = "Head" }),
            Requested("t4", "wf-3", new JsonObject { ["assignees"] = new JsonArray("bithu.tu") }),
            Requested("t5", "wf-3", null));

        Assert.Equal(["t3"], (await OpenFor("truongban.btc", Before)).Select(i => i.TaskId));
        Assert.Equal(["t4"], (await OpenFor("bithu.tu", Before)).Select(i => i.TaskId));
        Assert.Equal(["t5"], (await OpenFor("thietke", Before, InboxScope.OwnAndUnrouted)).Select(i => i.TaskId));
        Assert.Empty(await OpenFor("chuyenvien.btc", Before));
        Assert.Equal(3, (await OpenFor("admin", Before, InboxScope.All)).Count);
    }

    [Fact]
    public async Task A_completed_task_marks_its_item_done_with_who_completed_it()
    {
        await CommitAsync(Requested("t6", "wf-6", new JsonObject { ["unitCode"] = "TU-BTC" }));
        var completedAt = RequestedAt.AddHours(3);

        await CommitAsync(new RunTaskCompleted("t6", "wf-6", "draft",
            InboxCompletion.Result("chuyenvien.btc", "Đã xong.", new JsonObject { ["pages"] = 12 }), completedAt));

        var item = (await ItemOf("t6"))!;
        Assert.Equal((InboxItemStatus.Done, "chuyenvien.btc", completedAt.UtcDateTime),
            (item.Status, item.CompletedBy, item.CompletedAtUtc));
        Assert.Equal(12, JsonNode.Parse(item.ResultJson!)!["data"]!["pages"]!.GetValue<int>());
        Assert.Empty(await OpenFor("chuyenvien.btc", Before));
    }

    [Fact]
    public async Task An_ended_instance_cancels_its_open_items_only()
    {
        await CommitAsync(
            Requested("t7", "wf-7", new JsonObject { ["unitCode"] = "TU-BTC" }),
            Requested("t8", "wf-7", new JsonObject { ["unitCode"] = "TU-BTC" }),
            Requested("t9", "wf-other", new JsonObject { ["unitCode"] = "TU-BTC" }));
        // Completing t8 finishes nothing yet; then the instance is cancelled — in one commit with a new task, which
        // must be cancelled too although it was never saved open.
        await CommitAsync(new RunTaskCompleted("t8", "wf-7", "draft", null, RequestedAt.AddHours(1)));
        await CommitAsync(Requested("t10", "wf-7", null),
            new WorkflowFinished("wf-7", "plan-002", "plan-002:v1", WorkflowSubStatus.Cancelled, null, null));

        Assert.Equal(InboxItemStatus.Cancelled, (await ItemOf("t7"))!.Status);
        Assert.Equal(InboxItemStatus.Done, (await ItemOf("t8"))!.Status);
        Assert.Equal(InboxItemStatus.Cancelled, (await ItemOf("t10"))!.Status);
        Assert.Equal(["t9"], (await OpenFor("chuyenvien.btc", Before)).Select(i => i.TaskId));
    }

    [Fact]
    public async Task A_task_completed_in_the_instances_last_commit_stays_done()
    {
        await CommitAsync(Requested("t12", "wf-12", new JsonObject { ["unitCode"] = "TU-BTC" }));

        await CommitAsync(new RunTaskCompleted("t12", "wf-12", "draft", InboxCompletion.Result("chuyenvien.btc", null, null), RequestedAt.AddHours(1)),
            new WorkflowFinished("wf-12", "plan-002", "plan-002:v1", WorkflowSubStatus.Finished, null, null));

        Assert.Equal((InboxItemStatus.Done, "chuyenvien.btc"), ((await ItemOf("t12"))!.Status, (await ItemOf("t12"))!.CompletedBy));
    }

    [Fact]
    public async Task The_same_request_published_twice_gives_one_item()
    {
        await CommitAsync(Requested("t11", "wf-11", new JsonObject { ["unitCode"] = "TU-BTC" }));
        await CommitAsync(Requested("t11", "wf-11", new JsonObject { ["unitCode"] = "TU-BTC" }));

        Assert.Single(await OpenFor("chuyenvien.btc", Before));
    }

    [Fact]
    public void Due_dates_are_read_as_instants_or_as_the_end_of_a_Vietnamese_day()
    {
        Assert.Equal(VietnamTime.EndOfDay(new DateOnly(2022, 9, 29)), RunTaskRouting.Read(new JsonObject { ["dueAt"] = "2022-09-29" }).DueAt);
        Assert.Equal(new DateTimeOffset(2022, 9, 29, 10, 0, 0, TimeSpan.Zero), RunTaskRouting.Read(new JsonObject { ["dueAt"] = "2022-09-29T10:00:00Z" }).DueAt);
        Assert.Equal(new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.FromHours(7)), RunTaskRouting.Read(new JsonObject { ["dueAt"] = "2022-09-29T17:00:00" }).DueAt);
        Assert.Null(RunTaskRouting.Read(new JsonObject { ["dueAt"] = "cuối tháng" }).DueAt);
    }
}
