using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Gửi báo cáo qua cơ quan đầu mối: hands the unit's approved report to the recipient through the via body
/// (<see cref="HandoffRoute"/>: the input, else the plan level's <c>via</c>, else the recipient's receiving body on the
/// tree date, else the recipient itself) as one task <c>WorkflowHost.ReceiveReport</c> in the via body's inbox.
/// Submitting cancels the unit's pending reminders (it resumes the unit's <see cref="RemindUntilSubmitted"/>). The via
/// body acknowledges (<c>Received</c>) or returns it with reasons (<c>Returned</c>; the workflow goes back to drafting).
/// After a return the next run of this activity is the resubmission of the revised version (<see cref="Submission.Resubmit"/>),
/// so every attempt and version stays on record.
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Gửi báo cáo đã thông qua lên cấp trên qua cơ quan đầu mối (ví dụ qua Ban Tổ chức, Ban Dân vận); cơ quan đầu mối tiếp nhận " +
    "hoặc trả lại kèm lý do để đơn vị chỉnh sửa, thông qua lại và gửi lại (giữ mọi phiên bản). Gửi báo cáo thì dừng nhắc việc của đơn vị.",
    DisplayName = "Gửi báo cáo qua cơ quan đầu mối", Kind = ActivityKind.Task)]
[FlowNode(ReceivedOutcome, ReturnedOutcome)]
public sealed class SubmitReport : Activity
{
    public const string ReceivedOutcome = "Received";
    public const string ReturnedOutcome = "Returned";
    /// <summary>The via body's task (inbox form <c>Forms/_ReceiveReport.cshtml</c>).</summary>
    public const string TaskName = "WorkflowHost.ReceiveReport";
    public const string Acknowledge = "acknowledge";
    public const string Return = "return";

    [Input(DisplayName = "Mã kế hoạch", Order = 1, Description = "Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Cấp báo cáo", Order = 2, Description = "Mã cấp trong kế hoạch: nơi nhận và cơ quan đầu mối mặc định. Để trống: đầu vào \"levelKey\".")]
    public Input<string> Level { get; } = new();

    [Input(DisplayName = "Đơn vị gửi", Order = 3, Description = "Để trống: đơn vị đang chạy quy trình (\"unitCode\").")]
    public Input<string> UnitCode { get; } = new();

    [Input(DisplayName = "Nơi nhận", Order = 4,
        Description = "Mã đơn vị nhận báo cáo. Để trống: nơi nhận của cấp trong kế hoạch, nếu không có thì đơn vị cấp trên (\"parentUnitCode\").")]
    public Input<string> ToUnitCode { get; } = new();

    [Input(DisplayName = "Cơ quan đầu mối", Order = 5,
        Description = "Mã cơ quan tiếp nhận thay nơi nhận (qua …). Để trống: theo kế hoạch, nếu không có thì cơ quan tiếp nhận của nơi nhận vào ngày chốt cây tổ chức.")]
    public Input<string> ViaUnitCode { get; } = new();

    [Input(DisplayName = "Ngày chốt cây tổ chức", Order = 6, Description = "yyyy-MM-dd. Để trống: đầu vào \"asOf\", nếu không có thì ngày của kế hoạch.")]
    public Input<string> AsOf { get; } = new();

    [Input(DisplayName = "Mã báo cáo", Order = 7, Description = "Để trống: báo cáo của đơn vị trong quy trình này.")]
    public Input<string> ReportId { get; } = new();

    [Input(DisplayName = "Phiên bản báo cáo", Order = 8, Description = "Để trống (0): phiên bản hiện tại (đã thông qua).")]
    public Input<int> ReportVersion { get; } = new();

    [Output(DisplayName = "Lần gửi", Description = "1 cho lần đầu, 2, 3… cho các lần gửi lại sau khi bị trả lại.")]
    public Output<int> Attempt { get; } = new();

    [Output(DisplayName = "Cơ quan đầu mối")]
    public Output<string> Via { get; } = new();

    [Output(DisplayName = "Lý do trả lại")]
    public Output<string[]> ReturnReasons { get; } = new();

    [Output(DisplayName = "Lý do từ chối trả lời gần nhất")]
    public Output<string> Error { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var scope = await PlanLevelContext.ReadAsync(context, PlanId, Level);
        var from = context.RequireText(UnitCode, ChainInputs.UnitCode);
        var to = context.GetText(ToUnitCode) ?? scope.Level?.Recipient ?? context.WorkflowInputText(ChainInputs.ParentUnitCode)
                 ?? throw new ActivityInputException(ToUnitCode.Name,
                     $"Thiếu \"{ToUnitCode.Name}\" (kế hoạch không nêu nơi nhận và quy trình không có đầu vào \"parentUnitCode\").",
                     $"{ToUnitCode.Name}: no recipient given, none in the plan level and no workflow input 'parentUnitCode'.");
        var asOf = await context.RequireAsOfAsync(AsOf, scope.PlanId);
        var organisation = context.Services.GetRequiredService<IOrganisationQueries>();
        var route = await RouteAsync(context, organisation, from, to, scope.Level?.Via, asOf);
        var report = await ReportUnderWork.ReadAsync(context, ReportId, ReportVersion, scope.PlanId, from);
        var previous = await context.Services.GetRequiredService<ISubmissionRepository>().FindLatestAsync(report.Id, context.CancellationToken);
        if (previous is not null && previous.State != SubmissionState.Returned)
            throw new ActivityInputException(ReportId.Name,
                $"Báo cáo {report.Id} đã được gửi (lần {previous.Attempt}, {previous.State}); chỉ gửi lại báo cáo đã bị trả lại.",
                $"{ReportId.Name}: report {report.Id} was already submitted (attempt {previous.Attempt}, {previous.State}); only a returned report is resubmitted.");
        if (previous is not null && report.Version <= previous.ReportVersion)
            throw new ActivityInputException(ReportVersion.Name,
                $"Gửi lại phải là phiên bản đã chỉnh sửa (mới hơn phiên bản {previous.ReportVersion} đã bị trả lại), nhận được phiên bản {report.Version}.",
                $"{ReportVersion.Name}: the resubmitted version {report.Version} must be newer than the returned version {previous.ReportVersion}.");

        var deadline = await context.DeadlineFromAboveAsync();
        var day = VietnamTime.DateOf(context.UtcNow);
        var fromUnit = await organisation.FindUnitAsync(from, day, context.CancellationToken);
        var toUnit = await organisation.FindUnitAsync(to, day, context.CancellationToken);
        var submittedBy = (await organisation.HeadAsync(from, day, context.CancellationToken)) is { } head ? head.UserName ?? head.Person : from;
        var attempt = (previous?.Attempt ?? 0) + 1;
        var taskId = HumanTasks.Request(context, TaskName, new JsonObject
        {
            ["kind"] = InboxItemKinds.RunTask, ["unitCode"] = route.ViaUnitCode, ["role"] = "receiver",
            ["title"] = $"Tiếp nhận báo cáo của {fromUnit?.Name ?? from}" + (attempt > 1 ? $" (gửi lại lần {attempt - 1})" : ""),
            ["description"] = $"{fromUnit?.Name ?? from} gửi báo cáo (phiên bản {report.Version}) đến {toUnit?.Name ?? to}" +
                              (route.ReceivedDirectly ? "." : " qua cơ quan đầu mối.") + " Tiếp nhận, hoặc trả lại kèm lý do.",
            ["dueAt"] = null,
            ["reportId"] = report.Id.ToString(), ["reportVersion"] = report.Version, ["planId"] = scope.PlanId, ["attempt"] = attempt,
            ["fromUnitCode"] = route.FromUnitCode, ["toUnitCode"] = route.ToUnitCode, ["viaUnitCode"] = route.ViaUnitCode,
            ["deadline"] = deadline?.DisplayText,
        });

        // The unit has submitted: its reminders stop (a no-op when its Reminders already completed, e.g. on a resubmission).
        context.SendStimulus(RemindUntilSubmitted.SubmittedBookmark, RemindUntilSubmitted.SubmittedKey(context.WorkflowInstanceId, from),
            instanceId: context.WorkflowInstanceId);

        context.Properties["taskId"] = taskId;
        context.Properties["planId"] = scope.PlanId;
        context.Properties["reportId"] = report.Id.ToString();
        context.Properties["reportVersion"] = report.Version;
        context.Properties["route"] = new JsonObject { ["from"] = route.FromUnitCode, ["to"] = route.ToUnitCode, ["via"] = route.ViaUnitCode };
        context.Set(Attempt, attempt);
        context.Set(Via, route.ViaUnitCode);
        context.Publish(new ReportSubmittedUpward(context.WorkflowInstanceId, context.Id, scope.PlanId, report.Id, report.Version, route, attempt,
            previous?.Id, taskId, submittedBy, deadline?.DueUtc, context.UtcNow));
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        var taskId = context.Properties["taskId"]!.GetValue<string>();
        var planId = context.Properties["planId"]?.GetValue<string>();
        var reportId = Guid.Parse(context.Properties["reportId"]!.GetValue<string>());
        var version = context.Properties["reportVersion"]!.GetValue<int>();
        var routeJson = context.Properties["route"]!;
        var route = new HandoffRoute(routeJson["from"]!.GetValue<string>(), routeJson["to"]!.GetValue<string>(), routeJson["via"]!.GetValue<string>());
        var answer = HumanTasks.Result(resumption);
        var by = InboxCompletion.CompletedBy(answer) ?? route.ViaUnitCode;
        var comment = (answer as JsonObject)?[InboxCompletion.CommentKey] is JsonValue c && c.TryGetValue<string>(out var text) ? text : null;
        var action = HumanTasks.Answer(answer, "action") is JsonValue a && a.TryGetValue<string>(out var actionText) ? actionText.Trim().ToLowerInvariant() : null;

        if (action == Acknowledge)
        {
            Accept(context, resumption);
            context.Publish(new ReportReceived(context.WorkflowInstanceId, context.Id, planId, reportId, version, route, taskId, by, comment, context.UtcNow));
            context.Complete(ReceivedOutcome);
            return ValueTask.CompletedTask;
        }
        var reasons = action == Return ? Reasons(answer, comment) : [];
        if (reasons.Count > 0)
        {
            Accept(context, resumption);
            context.Set(ReturnReasons, reasons.ToArray());
            context.Publish(new ReportReturned(context.WorkflowInstanceId, context.Id, planId, reportId, version, route, taskId, by, reasons, context.UtcNow));
            context.Complete(ReturnedOutcome);
            return ValueTask.CompletedTask;
        }

        var (field, vietnamese) = action == Return
            ? ("reasons", "Trả lại báo cáo phải nêu lý do.")
            : ("action", "Hãy chọn Tiếp nhận hoặc Trả lại (kèm lý do).");
        HumanTasks.Wait(context, taskId, TaskName);
        context.Set(Error, vietnamese);
        context.AddPayload("Refused", new JsonObject
        {
            ["taskId"] = taskId, ["answer"] = answer?.DeepClone(), ["field"] = field, ["reason"] = vietnamese, ["at"] = context.UtcNow.ToString("O"),
        });
        return ValueTask.CompletedTask;
    }

    private void Accept(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.Set(Error, null);
        HumanTasks.Accepted(context, resumption);
    }

    /// <summary>The reasons of a return: <c>reasons</c> (a list or one text), else the inbox comment, one reason a line.</summary>
    private static IReadOnlyList<string> Reasons(JsonNode? answer, string? comment)
    {
        var given = HumanTasks.Answer(answer, "reasons");
        IEnumerable<string> texts = given switch
        {
            JsonArray list => list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()),
            JsonValue value when value.TryGetValue<string>(out var s) && given != answer => [s],
            _ => (comment ?? "").Split('\n'),
        };
        return texts.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
    }

    private async Task<HandoffRoute> RouteAsync(ActivityExecutionContext context, IOrganisationQueries organisation, string from, string to,
        string? levelVia, DateOnly asOf)
    {
        try
        {
            var planVia = context.GetText(ViaUnitCode) ?? levelVia;
            var receivesVia = planVia is null ? (await organisation.ViaBodyAsync(to, asOf, context.CancellationToken))?.Code : null;
            return HandoffRoute.Resolve(from, to, receivesVia, planVia);
        }
        catch (HandoffException e)
        {
            var field = e.Field == "toUnitCode" ? ToUnitCode.Name : e.Field == "viaUnitCode" ? ViaUnitCode.Name : UnitCode.Name;
            throw new ActivityInputException(field, $"{field}: {e.VietnameseMessage}", $"{field}: {e.Message}");
        }
    }
}
