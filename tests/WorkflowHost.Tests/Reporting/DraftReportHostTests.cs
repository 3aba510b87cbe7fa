using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Tests.Workflows;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Tests.Reporting;

/// <summary>The real host (EF on SQLite, the engine, the inbox) with plan 000 (113-KH/TU) in workflows/plans.</summary>
public sealed class DraftReportHostFixture : IDisposable
{
    public DraftReportHostFixture()
    {
        Root = TestRoot.Create();
        var plans = Path.Combine(Root.Path, "workflows", "plans");
        Directory.CreateDirectory(plans);
        File.Copy(Path.Combine(RepositoryRoot.Locate(null), "workflows", "plans", "000.plan.json"), Path.Combine(plans, "000.plan.json"));
        Factory = new WorkflowHostFactory(Root);
        _ = Factory.Server;
    }

    public TestRoot Root { get; }
    public WorkflowHostFactory Factory { get; }

    /// <summary>Starts a DraftReport chain for the Tỉnh ủy at plan 000's "tinh" level: Ban Tổ chức drafts (chuyenvien.btc).</summary>
    public async Task<(string InstanceId, InboxItem Item)> StartDraftingAsync()
    {
        var definition = await Factory.InScopeAsync(s => s.GetRequiredService<IWorkflowDefinitionService>()
            .SaveAsync(WorkflowDefinitionJson.Parse(TestWorkflows.DraftReport()), publish: true));
        var run = await Factory.Services.GetRequiredService<IWorkflowRuntime>().StartAsync(new StartWorkflowRequest
        {
            DefinitionId = definition.Definition!.DefinitionId,
            Input = new JsonObject { ["unitCode"] = "TU", ["planId"] = "000", ["levelKey"] = "tinh" },
        });
        var item = Assert.Single(await Factory.InScopeAsync(s => s.GetRequiredService<IInboxItemRepository>().ListOpenOfInstanceAsync(run.InstanceId)));
        return (run.InstanceId, item);
    }

    public Task<Report?> ReportAsync(string instanceId) =>
        Factory.InScopeAsync(s => s.GetRequiredService<IReportRepository>().FindForInstanceAsync("000", instanceId, "TU"));

    public Task<InboxItem?> ItemAsync(string taskId) =>
        Factory.InScopeAsync(s => s.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync(taskId));

    public void Dispose()
    {
        Factory.Dispose();
        Root.Dispose();
    }
}

public sealed class DraftReportHostTests(DraftReportHostFixture host) : IClassFixture<DraftReportHostFixture>
{
    private static JsonObject AllRequiredSections() => new()
    {
        // Plan 000's required sections (the leaves of I–III, IV).
        ["I.1"] = "Quán triệt", ["I.2"] = "Kiểm tra", ["I.3"] = "Chuyển biến", ["II.1"] = "Tuyên truyền", ["II.2"] = "Chính sách",
        ["II.3"] = "Vận động", ["II.4"] = "Phong trào", ["II.5"] = "Giúp đỡ", ["II.6"] = "Hài cốt", ["II.7"] = "Công nhận",
        ["II.8"] = "Các cuộc vận động", ["III.1"] = "Kết quả", ["III.2"] = "Hạn chế", ["III.3"] = "Kinh nghiệm", ["IV"] = "Nhiệm vụ",
    };

    [Fact]
    public async Task Drafting_through_the_engine_commit_writes_the_report_rows_and_closes_the_inbox_item_on_submission()
    {
        var (instanceId, item) = await host.StartDraftingAsync();
        var runtime = host.Factory.Services.GetRequiredService<IWorkflowRuntime>();
        Assert.Equal(("TU-BTC", "drafter"), (item.UnitCode, item.RequiredRole));
        var opened = (await host.ReportAsync(instanceId))!;
        Assert.Equal((ReportStatus.Draft, "tinh", ReportIds.For("000", instanceId, "TU")), (opened.Current.Status, opened.LevelKey, opened.Id));

        await runtime.CompleteTaskAsync(item.TaskId, InboxCompletion.Result("chuyenvien.btc", null,
            new JsonObject { ["action"] = "save", ["sections"] = new JsonObject { ["I.1"] = "Bản nháp" }, ["indicators"] = new JsonObject { ["TIN-BAI"] = 120 } }));
        var saved = (await host.ReportAsync(instanceId))!;
        Assert.Equal(("Bản nháp", 120m, "chuyenvien.btc"), (saved.Current.TextOf("I.1"), saved.Current.ValueOf("TIN-BAI"), saved.Current.UpdatedBy));
        Assert.Equal(InboxItemStatus.Open, (await host.ItemAsync(item.TaskId))!.Status);

        var refused = await runtime.CompleteTaskAsync(item.TaskId, InboxCompletion.Result("chuyenvien.btc", null,
            new JsonObject { ["action"] = "submit", ["sections"] = AllRequiredSections(), ["indicators"] = new JsonObject { ["TIN-BAI"] = -1 } }));
        Assert.Equal(ResumeOutcome.Resumed, refused.Outcome);
        Assert.Equal(InboxItemStatus.Open, (await host.ItemAsync(item.TaskId))!.Status);
        var instance = await host.Factory.InScopeAsync(s => s.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instanceId));
        Assert.Equal("indicators.TIN-BAI", instance!.Properties["activityOutputs"]!["draft"]!["Errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(-1m, (await host.ReportAsync(instanceId))!.Current.ValueOf("TIN-BAI")); // what was typed is kept as the draft

        await runtime.CompleteTaskAsync(item.TaskId, InboxCompletion.Result("chuyenvien.btc", "Trình Thường trực",
            new JsonObject { ["action"] = "submit", ["sections"] = AllRequiredSections(), ["indicators"] = new JsonObject { ["TIN-BAI"] = 125 } }));

        var submitted = (await host.ReportAsync(instanceId))!;
        Assert.Equal((ReportStatus.Submitted, 1, 125m), (submitted.Current.Status, submitted.Versions.Count, submitted.Current.ValueOf("TIN-BAI")));
        var done = (await host.ItemAsync(item.TaskId))!;
        Assert.Equal((InboxItemStatus.Done, "chuyenvien.btc"), (done.Status, done.CompletedBy));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Factory.InScopeAsync(s => s.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instanceId)))!.SubStatus);
    }

    [Fact]
    public async Task The_inbox_drafting_form_saves_shows_a_refusal_with_what_was_typed_and_submits()
    {
        var (instanceId, item) = await host.StartDraftingAsync();
        var drafter = await LoginForm.SignedInClientAsync(host.Factory, "chuyenvien.btc");
        var page = $"/Inbox/Details/{item.Id}";

        var html = await drafter.GetStringAsync(page);
        Assert.Contains("Xây dựng báo cáo — Tỉnh ủy", html);
        Assert.Contains("name=\"s:I.1\"", html);
        Assert.Contains("Công tác lãnh đạo, chỉ đạo tổ chức quán", html); // a section title of plan 000
        Assert.Contains("name=\"i:TIN-BAI\"", html);
        Assert.Contains(">Lưu nháp</button>", html);
        Assert.Contains(">Gửi trình tập thể</button>", html);
        Assert.DoesNotContain("name=\"DataJson\"", html); // not the generic JSON form

        async Task<HttpResponseMessage> PostAsync(string action, params (string Key, string Value)[] fields)
        {
            var token = LoginForm.TokenFrom(await drafter.GetStringAsync(page));
            var content = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
                .Append(KeyValuePair.Create("action", action)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
            return await drafter.PostAsync(page + "?handler=Form", new FormUrlEncodedContent(content));
        }

        var saved = await PostAsync("save", ("s:I.1", "Đã quán triệt đến chi bộ."), ("i:TIN-BAI", "48"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(page, saved.Headers.Location!.OriginalString);
        var report = (await host.ReportAsync(instanceId))!;
        Assert.Equal(("Đã quán triệt đến chi bộ.", 48m), (report.Current.TextOf("I.1"), report.Current.ValueOf("TIN-BAI")));
        Assert.Contains("Đã quán triệt đến chi bộ.", await drafter.GetStringAsync(page));

        var sections = AllRequiredSections().Select(s => ($"s:{s.Key}", s.Value!.GetValue<string>())).ToList();
        var refused = await PostAsync("submit", [.. sections.Where(s => s.Item1 != "s:IV"), ("i:TIN-BAI", "-3")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("không được là số âm", refusedHtml);
        Assert.Contains("Mục IV", refusedHtml);
        Assert.Contains("value=\"-3\"", refusedHtml);      // what was typed is shown again
        Assert.Contains(">Chính sách</textarea>", refusedHtml);
        Assert.Equal(InboxItemStatus.Open, (await host.ItemAsync(item.TaskId))!.Status);

        var submitted = await PostAsync("submit", [.. sections, ("i:TIN-BAI", "52")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("/Inbox", submitted.Headers.Location!.OriginalString);
        var done = (await host.ItemAsync(item.TaskId))!;
        Assert.Equal((InboxItemStatus.Done, "chuyenvien.btc"), (done.Status, done.CompletedBy));
        var final = (await host.ReportAsync(instanceId))!;
        Assert.Equal((ReportStatus.Submitted, 52m, "Nhiệm vụ"), (final.Current.Status, final.Current.ValueOf("TIN-BAI"), final.Current.TextOf("IV")));
    }
}
