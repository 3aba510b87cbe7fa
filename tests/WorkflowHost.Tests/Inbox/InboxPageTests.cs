using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Inbox;

/// <summary>The host with a substitute <see cref="IWorkflowRuntime"/> (the engine is registered by another module).</summary>
public sealed class InboxHostFixture : IDisposable
{
    public InboxHostFixture()
    {
        Root = TestRoot.Create();
        Factory = new WorkflowHostFactory(Root, services: s => s.AddSingleton(Runtime));
        _ = Factory.Server;
    }

    public IWorkflowRuntime Runtime { get; } = Substitute.For<IWorkflowRuntime>();
    public TestRoot Root { get; }
    public WorkflowHostFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Root.Dispose();
    }
}

/// <summary>
/// Hộp việc in the running host. The engine is not registered on this branch, so completion is tested up to the
/// runtime call: a substitute <see cref="IWorkflowRuntime"/> records it, and the engine's part (its commit publishing
/// <see cref="RunTaskCompleted"/>) is played by publishing that notification and saving, as the EF commit will.
/// </summary>
public sealed class InboxPageTests(InboxHostFixture host) : IClassFixture<InboxHostFixture>
{
    private WorkflowHostFactory Factory => host.Factory;

    /// <summary>A RunTask of the fixture's Ban Tổ chức (drafter chuyenvien.btc; bithu.tu is not a member).</summary>
    private async Task<InboxItem> RequestTaskAsync(JsonObject? payload = null)
    {
        var taskId = "task-" + Guid.NewGuid().ToString("N");
        payload ??= new JsonObject
        {
            ["unitCode"] = "TU-BTC", ["role"] = "Drafter", ["title"] = "Dự thảo báo cáo " + taskId[^6..],
            ["dueAt"] = "2026-12-01T10:30:00Z", ["reportId"] = "R-42",
        };
        await PublishAndSaveAsync(new RunTaskRequested(taskId, "Xây dựng báo cáo", payload, "wf-" + taskId, "plan-002",
            "plan-002:v1", "draft", "node", "ai", null, Factory.Clock.GetUtcNow()));
        return (await ItemAsync(taskId))!;
    }

    private Task PublishAndSaveAsync(INotification notification) => Factory.InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IMediator>().Publish(notification);
        return await sp.GetRequiredService<WorkflowHostDbContext>().SaveChangesAsync();
    });

    private Task<InboxItem?> ItemAsync(string taskId) =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync(taskId));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = LoginForm.TokenFrom(await client.GetStringAsync(page));
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_inbox_shows_an_item_to_a_member_of_its_unit_and_not_to_others()
    {
        var item = await RequestTaskAsync();

        var member = await LoginForm.SignedInClientAsync(Factory, "chuyenvien.btc");
        var html = await member.GetStringAsync("/Inbox");
        Assert.Contains(item.Title, html);
        Assert.Contains("Ban Tổ chức", html);
        Assert.Contains("01/12/2026 17:30", html); // 10:30 UTC in Asia/Ho_Chi_Minh
        Assert.Contains(item.WorkflowInstanceId, html);
        Assert.Contains("<a href=\"/Inbox\" aria-current=\"page\">Hộp việc</a>", html);
        var details = await member.GetStringAsync($"/Inbox/Details/{item.Id}");
        Assert.Contains("R-42", details);
        Assert.Contains("<button type=\"submit\">Hoàn thành</button>", details);

        var other = await LoginForm.SignedInClientAsync(Factory, "bithu.tu");
        Assert.DoesNotContain(item.Title, await other.GetStringAsync("/Inbox"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Inbox/Details/{item.Id}")).StatusCode);

        var admin = await LoginForm.SignedInClientAsync(Factory, "admin");
        Assert.Contains(item.Title, await admin.GetStringAsync("/Inbox"));
    }

    [Fact]
    public async Task The_api_lists_my_open_items()
    {
        var item = await RequestTaskAsync();
        var member = await Factory.ClientWithApiKeyOfAsync("chuyenvien.btc");
        var other = await Factory.ClientWithApiKeyOfAsync("bithu.tu");

        var mine = await member.GetFromJsonAsync<JsonArray>("/api/inbox");
        var theirs = await other.GetFromJsonAsync<JsonArray>("/api/inbox");

        var listed = mine!.Single(i => i!["id"]!.GetValue<Guid>() == item.Id)!;
        Assert.Equal(("TU-BTC", "Open"), (listed["unitCode"]!.GetValue<string>(), listed["status"]!.GetValue<string>()));
        Assert.DoesNotContain(theirs!, i => i!["id"]!.GetValue<Guid>() == item.Id);
    }

    [Fact]
    public async Task Completing_through_the_form_resumes_the_task_with_the_user_comment_and_data()
    {
        var item = await RequestTaskAsync();
        JsonNode? sent = null;
        host.Runtime.CompleteTaskAsync(item.TaskId, Arg.Do<JsonNode?>(r => sent = r), Arg.Any<CancellationToken>())
            .Returns(new ResumeResult(ResumeOutcome.Resumed));
        var member = await LoginForm.SignedInClientAsync(Factory, "chuyenvien.btc");

        var response = await PostFormAsync(member, $"/Inbox/Details/{item.Id}", new()
        {
            ["Comment"] = "Đã hoàn thành dự thảo.", ["DataJson"] = "{\"pages\": 12}",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("chuyenvien.btc", sent!["completedBy"]!.GetValue<string>());
        Assert.Equal("Đã hoàn thành dự thảo.", sent["comment"]!.GetValue<string>());
        Assert.Equal(12, sent["data"]!["pages"]!.GetValue<int>());

        // The engine's commit of that resumption:
        await PublishAndSaveAsync(new RunTaskCompleted(item.TaskId, item.WorkflowInstanceId, "draft", sent, Factory.Clock.GetUtcNow()));
        var done = (await ItemAsync(item.TaskId))!;
        Assert.Equal((InboxItemStatus.Done, "chuyenvien.btc"), (done.Status, done.CompletedBy));
        Assert.DoesNotContain(item.Title, await member.GetStringAsync("/Inbox"));

        // Completing again: refused with the reason, the engine not asked.
        host.Runtime.ClearReceivedCalls();
        var again = await member.PostAsJsonAsync($"/api/inbox/{item.Id}/complete", new { comment = "lần nữa" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("đã được hoàn thành", await again.Content.ReadAsStringAsync());
        await host.Runtime.DidNotReceiveWithAnyArgs().CompleteTaskAsync(default!, default);
    }

    [Fact]
    public async Task A_non_member_cannot_complete_and_nothing_changes()
    {
        var item = await RequestTaskAsync();
        var other = await Factory.ClientWithApiKeyOfAsync("bithu.tu");

        var response = await other.PostAsJsonAsync($"/api/inbox/{item.Id}/complete", new { comment = "không phải việc của tôi" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await host.Runtime.DidNotReceive().CompleteTaskAsync(item.TaskId, Arg.Any<JsonNode?>(), Arg.Any<CancellationToken>());
        Assert.Equal(InboxItemStatus.Open, (await ItemAsync(item.TaskId))!.Status);
    }

    [Fact]
    public async Task A_visible_item_outside_the_users_units_cannot_be_completed_by_an_approver()
    {
        // Unrouted: visible to designers and admins; completing needs ActOnTasks (designers lack it) or admin.
        var item = await RequestTaskAsync(new JsonObject { ["title"] = "Việc chưa giao " + Guid.NewGuid().ToString("N")[..6] });
        var designer = await Factory.ClientWithApiKeyOfAsync("thietke");
        Assert.Contains(item.Title, (await designer.GetStringAsync("/api/inbox")));

        var response = await designer.PostAsJsonAsync($"/api/inbox/{item.Id}/complete", new { comment = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(InboxItemStatus.Open, (await ItemAsync(item.TaskId))!.Status);
    }

    [Fact]
    public async Task Bad_json_data_is_explained_and_the_engine_is_not_called()
    {
        var item = await RequestTaskAsync();
        var member = await LoginForm.SignedInClientAsync(Factory, "chuyenvien.btc");

        var response = await PostFormAsync(member, $"/Inbox/Details/{item.Id}", new()
        {
            ["Comment"] = "ok", ["DataJson"] = "{pages: 12",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không phải JSON hợp lệ", await response.Content.ReadAsStringAsync());
        await host.Runtime.DidNotReceive().CompleteTaskAsync(item.TaskId, Arg.Any<JsonNode?>(), Arg.Any<CancellationToken>());
    }
}
