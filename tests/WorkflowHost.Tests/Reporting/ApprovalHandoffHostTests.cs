using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// The real host (EF on SQLite, the engine, the domain handlers) on a virtual clock that the test drives: the
/// background timer scheduler is taken out so that due work runs only when the test says.
/// </summary>
public sealed class ApprovalHandoffHostTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReportId = Guid.Parse("5a7f2c11-0b3e-4f6a-9d21-6e8c4b0a9f03");

    private readonly TestRoot _root = TestRoot.Create();
    private readonly VirtualTimeProvider _clock = new(Start);
    private readonly WorkflowHostFactory _factory;

    public ApprovalHandoffHostTests()
    {
        _factory = new WorkflowHostFactory(_root, services: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            var scheduler = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(TimerScheduler).Assembly);
            services.Remove(scheduler);
        });
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
    }

    private IWorkflowRuntime Runtime => _factory.Services.GetRequiredService<IWorkflowRuntime>();
    private VirtualTimeDriver Driver => _factory.Services.GetRequiredService<VirtualTimeDriver>();

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => _factory.InScopeAsync(action);

    /// <summary>Đảng ủy xã Bát Xát (the test organisation: its secretary, pheduyet.hu, alone): the secretary decides and the report goes to the Tỉnh ủy, its reminders running beside.</summary>
    private static string Chain() => new JsonObject
    {
        ["definitionId"] = "vote-submit-host", ["name"] = "Thông qua và gửi báo cáo", ["toolVersion"] = "3.8.0.0",
        ["variables"] = new JsonArray(), ["inputs"] = new JsonArray(), ["outputs"] = new JsonArray(), ["outcomes"] = new JsonArray(),
        ["customProperties"] = new JsonObject(), ["options"] = new JsonObject(),
        ["root"] = new JsonObject
        {
            ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(
                Activity("fork", "Elsa.FlowFork", ("branches", Literal(new JsonArray("work", "remind"), "String[]"))),
                Activity("vote", "WorkflowHost.CollectiveApproval", ("rule", Literal("head")), ("reportId", Literal(ReportId.ToString())),
                    ("reportVersion", Literal(1, "Int32"))),
                Activity("submit", "WorkflowHost.SubmitReport", ("reportId", Literal(ReportId.ToString())), ("reportVersion", Literal(1, "Int32"))),
                Activity("remind", "WorkflowHost.Reminders", ("offsets", Literal("-7d, +1d")), ("urgingBodyCode", Literal("TU-VP")))),
            ["connections"] = new JsonArray(
                Connection("fork", "work", "vote"), Connection("fork", "remind", "remind"), Connection("vote", "Approved", "submit")),
        },
    }.ToJsonString();

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    private static JsonObject Literal(JsonNode value, string typeName = "String") => new()
    {
        ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };

    private static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private Task<InboxItem> OpenItemAsync(string instanceId, string kind) => InScopeAsync(async s =>
        (await s.GetRequiredService<IInboxItemRepository>().ListOpenOfInstanceAsync(instanceId)).Single(i => i.Kind == kind));


    [Fact]
    public async Task A_run_leaves_the_vote_session_the_submission_and_the_reminder_rows_in_the_database()
    {
        var definition = await InScopeAsync(s => s.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(WorkflowDefinitionJson.Parse(Chain()), publish: true));
        Assert.True(definition.Succeeded, string.Join("; ", definition.ValidationErrors));
        var run = await Runtime.StartAsync(new StartWorkflowRequest
        {
            DefinitionId = definition.Definition!.DefinitionId,
            Input = new JsonObject { ["unitCode"] = "DUX-BATXAT", ["parentUnitCode"] = "TU", ["asOf"] = "2026-11-20", ["deadline"] = "trước ngày 30/11/2026" },
        });
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

        // Last day Sun 29/11/2026: the -7d reminder goes out on 22/11 at 08:00.
        await Driver.RunUntilIdleAsync(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var ballot = await OpenItemAsync(run.InstanceId, InboxItemKinds.Vote);
        Assert.Equal(["pheduyet.hu"], ballot.Assignees);
        var secretary = await LoginForm.SignedInClientAsync(_factory, "pheduyet.hu");
        var ballotPage = await secretary.GetStringAsync($"/Inbox/Details/{ballot.Id}");
        Assert.Contains("Biểu quyết — Lý Văn Hải", WebUtility.HtmlDecode(ballotPage));
        Assert.Contains("0/1 tham gia", WebUtility.HtmlDecode(ballotPage));
        Assert.Contains("value=\"disagree\"", ballotPage);
        var voted = await InboxTaskForm.PostAsync(secretary, ballot.Id, ("choice", "agree"), ("Comment", "Nhất trí"));
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode); // the head's vote decides: the ballot is done
        await Driver.RunUntilIdleAsync(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // the submission's stimulus to the reminders

        var receive = await OpenItemAsync(run.InstanceId, InboxItemKinds.RunTask);
        Assert.Equal(("TU-BTGDV", "receiver"), (receive.UnitCode, receive.RequiredRole));
        var admin = await LoginForm.SignedInClientAsync(_factory, "admin");
        Assert.Contains("Tiếp nhận báo cáo của DUX-BATXAT", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Inbox/Details/{receive.Id}")));
        var refused = await InboxTaskForm.PostAsync(admin, receive.Id, ("action", "return"), ("reasons", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Trả lại báo cáo phải nêu lý do.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await InboxTaskForm.PostAsync(admin, receive.Id, ("action", "acknowledge"))).StatusCode);

        var session = Assert.Single(await InScopeAsync(s => s.GetRequiredService<IVoteSessionRepository>().ListForReportAsync(ReportId)));
        Assert.Equal((VoteSessionState.Decided, ApprovalOutcome.Approved, 1), (session.State, session.Decision!.Outcome, session.Votes.Count));
        Assert.Equal(("Lý Văn Hải", "Nhất trí"), (session.Voters.Single().PersonName, session.Votes.Single().Comment));
        Assert.Equal("Lý Văn Hải", session.Decision.Minutes!.SignerName);

        var submission = Assert.Single(await InScopeAsync(s => s.GetRequiredService<ISubmissionRepository>().ListForReportAsync(ReportId)));
        Assert.Equal(("DUX-BATXAT", "TU", "TU-BTGDV", SubmissionState.Acknowledged, "admin"),
            (submission.FromUnitCode, submission.ToUnitCode, submission.ViaUnitCode, submission.State, submission.AcknowledgedBy));
        Assert.Equal(Timeliness.OnTime, submission.Timeliness);

        var notice = Assert.Single(await InScopeAsync(s => s.GetRequiredService<IReminderRepository>().ListNoticesForUnitAsync("DUX-BATXAT")));
        Assert.Equal(("-7d", new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero)), (notice.OffsetLabel, notice.SentAt));
        Assert.Contains("pheduyet.hu", notice.Recipients.Select(r => r.UserName));
        var schedule = await InScopeAsync(s => s.GetRequiredService<IReminderRepository>().FindScheduleAsync(run.InstanceId, "DUX-BATXAT"));
        Assert.NotNull(schedule!.SubmittedAt);
        Assert.Equal([ReminderState.Sent, ReminderState.Cancelled], schedule.Reminders.Select(r => r.State));
    }
}
