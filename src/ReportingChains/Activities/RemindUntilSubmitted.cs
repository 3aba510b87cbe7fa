using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Nhắc việc và đôn đốc: runs beside the unit's work (a parallel branch of its chain). Durable timers at the
/// <see cref="ReminderScheduler"/>'s instants publish <see cref="ReminderDue"/> to the unit's drafters and head as of
/// that day; at the escalation instant a unit that has not submitted is escalated (<see cref="EscalationRaised"/>
/// and a task "Đôn đốc đơn vị X" for the urging body and one for the supervising committee). The stimulus <see cref="SubmittedBookmark"/> keyed by
/// <see cref="SubmittedKey"/> cancels what is still pending and completes with <c>Submitted</c>.
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Nhắc đơn vị trước và sau thời hạn (ví dụ -7d, -3d, -1d, +1d lúc 08:00), quá hạn thì chuyển đôn đốc cho cơ quan đôn đốc; " +
    "dừng khi đơn vị gửi báo cáo. Đặt trên một nhánh song song với công việc của đơn vị.",
    TypeName = "Reminders", DisplayName = "Nhắc việc và đôn đốc")]
[FlowNode(SubmittedOutcome)]
public sealed class RemindUntilSubmitted : Activity
{
    public const string SubmittedOutcome = "Submitted";
    /// <summary>Resume with <c>runtime.ResumeAsync(SubmittedBookmark, SubmittedKey(instanceId, unitCode))</c> (or
    /// <c>context.SendStimulus</c> from the activity that submits the report).</summary>
    public const string SubmittedBookmark = "WorkflowHost.ReportSubmitted";
    public const string ReminderBookmark = "WorkflowHost.Reminder";
    public const string EscalationBookmark = "WorkflowHost.Escalation";

    public static string SubmittedKey(string workflowInstanceId, string unitCode) => $"{workflowInstanceId}:{unitCode}";

    [Input(DisplayName = "Đơn vị được nhắc", Order = 1, Description = "Mã đơn vị. Để trống: đơn vị đang chạy quy trình (\"unitCode\").")]
    public Input<string> UnitCode { get; } = new();

    [Input(DisplayName = "Thời hạn", UIHint = "singleline", TypeName = "Object", Order = 2,
        Description = "Cụm từ, quy tắc JSON hoặc kết quả của \"Thời hạn\". Để trống: thời hạn cấp trên giao (\"deadline\").")]
    public Input<JsonNode> Deadline { get; } = new();

    [Input(DisplayName = "Các mốc nhắc việc", DefaultValue = "-7d, -3d, -1d, +1d", Order = 3,
        Description = "So với ngày cuối của thời hạn: -7d (ngày), -3wd (ngày làm việc), +1d (sau hạn).")]
    public Input<string> Offsets { get; } = new();

    [Input(DisplayName = "Giờ gửi nhắc việc", DefaultValue = "08:00", Order = 4, Description = "Giờ Việt Nam (HH:mm).")]
    public Input<string> TimeOfDay { get; } = new();

    [Input(DisplayName = "Đôn đốc sau thời hạn", DefaultValue = "+3wd", Order = 5,
        Description = "Quá hạn bao lâu thì chuyển đôn đốc, ví dụ +3wd (3 ngày làm việc), +2d.")]
    public Input<string> EscalateAfter { get; } = new();

    [Input(DisplayName = "Cơ quan đôn đốc", IsRequired = true, Order = 6, Description = "Mã đơn vị nhận nhiệm vụ đôn đốc, ví dụ TU-VP, TU-BDV.")]
    public Input<string> UrgingBodyCode { get; } = new();

    [Input(DisplayName = "Cấp ủy giám sát", Order = 7, Description = "Mã đơn vị cùng nhận nhiệm vụ đôn đốc (không bắt buộc).")]
    public Input<string> SupervisingUnitCode { get; } = new();

    [Input(DisplayName = "Nội dung phải gửi", DefaultValue = "báo cáo", Order = 8,
        Description = "Đọc sau chữ \"gửi\": \"báo cáo sơ kết 05 năm thực hiện Chỉ thị 14\".")]
    public Input<string> Subject { get; } = new();

    [Input(DisplayName = "Mã kế hoạch", Order = 9, Description = "Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Output(DisplayName = "Số lần đã nhắc")]
    public Output<int> RemindersSent { get; } = new();

    [Output(DisplayName = "Đã chuyển đôn đốc")]
    public Output<bool> Escalated { get; } = new();

    [Output(DisplayName = "Thời điểm gửi báo cáo")]
    public Output<DateTimeOffset> SubmittedAt { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var unitCode = context.RequireText(UnitCode, ChainInputs.UnitCode);
        var urgingBody = context.GetText(UrgingBodyCode) ?? throw new ActivityInputException(UrgingBodyCode.Name,
            "Thiếu cơ quan đôn đốc.", $"{UrgingBodyCode.Name}: the urging body's unit code is required.");
        var deadline = await ReadDeadlineAsync(context);
        var plan = ReadPlan(context);
        ReminderSchedule schedule;
        try
        {
            schedule = await context.Services.GetRequiredService<ReminderScheduler>().ScheduleAsync(plan, deadline, context.CancellationToken);
        }
        catch (DeadlineRuleException e)
        {
            throw new ActivityInputException(EscalateAfter.Name, $"{EscalateAfter.Name}: {e.VietnameseMessage}", $"{EscalateAfter.Name}: {e.Message}");
        }

        foreach (var reminder in schedule.Reminders)
            context.CreateTimer(ReminderBookmark, reminder.AtUtc, new JsonObject
            {
                ["offset"] = reminder.Offset.ToString(), ["day"] = reminder.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["afterDeadline"] = reminder.IsAfterDeadline,
            });
        if (schedule.Skipped.Count > 0)
            context.AddPayload("SkippedReminders", new JsonArray(schedule.Skipped.Select(r => (JsonNode)r.Offset.ToString()).ToArray()));
        context.CreateTimer(EscalationBookmark, schedule.EscalationUtc);
        context.CreateBookmark(SubmittedBookmark, SubmittedKey(context.WorkflowInstanceId, unitCode), new JsonObject { ["unitCode"] = unitCode });
        context.Properties["unitCode"] = unitCode;
        context.Properties["urgingBodyCode"] = urgingBody;
        context.Properties["deadline"] = DeadlineValue.ToJson(deadline);
        context.Properties["scheduled"] = schedule.Reminders.Count;
        context.Properties["sent"] = 0;
        context.Set(RemindersSent, 0);
        context.Set(Escalated, false);
        var unitName = await UnitNameAsync(context.Services.GetRequiredService<IOrganisationQueries>(), unitCode,
            VietnamTime.DateOf(context.UtcNow), context.CancellationToken);
        context.Publish(new RemindersScheduled(context.WorkflowInstanceId, context.Id, PlanIdOf(context), unitCode, unitName,
            context.Get(Subject) ?? "báo cáo", deadline.DueUtc, deadline.DisplayText,
            schedule.Reminders.Select(r => new ReminderTime(r.Offset.Days, r.Offset.Unit == DayUnit.WorkingDays, r.AtUtc)).ToList(),
            schedule.EscalationUtc, context.UtcNow));
    }

    public override async ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        switch (resumption.Bookmark.Name)
        {
            case ReminderBookmark:
                await RemindAsync(context, ReminderOffset.Parse(resumption.Bookmark.Payload!["offset"]!.GetValue<string>()),
                    resumption.Bookmark.Payload["afterDeadline"]!.GetValue<bool>());
                break;
            case EscalationBookmark:
                await EscalateAsync(context);
                break;
            case SubmittedBookmark:
                Submitted(context);
                break;
            default: // an urging body reported its urging done; keep waiting for the report itself
                HumanTasks.Accepted(context, resumption);
                context.AddPayload("Urged", new JsonObject { ["at"] = context.UtcNow.ToString("O"), ["result"] = HumanTasks.Result(resumption)?.DeepClone() });
                break;
        }
    }

    private async Task RemindAsync(ActivityExecutionContext context, ReminderOffset offset, bool afterDeadline)
    {
        var unitCode = context.Properties["unitCode"]!.GetValue<string>();
        var deadline = DeadlineValue.FromJson((JsonObject)context.Properties["deadline"]!, "deadline");
        var day = VietnamTime.DateOf(context.UtcNow);
        var organisation = context.Services.GetRequiredService<IOrganisationQueries>();
        var unitName = await UnitNameAsync(organisation, unitCode, day, context.CancellationToken);
        var recipients = (await organisation.DraftersAsync(unitCode, day, context.CancellationToken))
            .Select(m => new ReminderRecipient(m.Person, m.UserName, RecipientRole.Drafter)).ToList();
        if (await organisation.HeadAsync(unitCode, day, context.CancellationToken) is { } head)
            recipients.Add(new ReminderRecipient(head.Person, head.UserName, RecipientRole.Head));
        var text = ReminderText.Reminder(offset.Days, offset.Unit == DayUnit.WorkingDays, unitName, context.Get(Subject) ?? "báo cáo", deadline.DisplayText);
        var sent = context.Properties["sent"]!.GetValue<int>() + 1;
        context.Properties["sent"] = sent;
        context.Set(RemindersSent, sent);
        context.Publish(new ReminderDue(context.WorkflowInstanceId, context.Id, PlanIdOf(context), unitCode, unitName, offset.ToString(), day,
            afterDeadline, deadline.DueUtc, recipients, text, context.UtcNow));
    }

    private async Task EscalateAsync(ActivityExecutionContext context)
    {
        var unitCode = context.Properties["unitCode"]!.GetValue<string>();
        var urgingBody = context.Properties["urgingBodyCode"]!.GetValue<string>();
        var supervising = context.GetText(SupervisingUnitCode);
        var deadline = DeadlineValue.FromJson((JsonObject)context.Properties["deadline"]!, "deadline");
        var unitName = await UnitNameAsync(context.Services.GetRequiredService<IOrganisationQueries>(), unitCode,
            VietnamTime.DateOf(context.UtcNow), context.CancellationToken);
        var title = ReminderText.EscalationTitle(unitName);
        var description = ReminderText.EscalationDescription(unitName, context.Get(Subject) ?? "báo cáo", deadline.DisplayText);
        // One task per body: the inbox shows an item in one unit's inbox.
        var taskIds = new[] { urgingBody, supervising }.OfType<string>().Select(body => HumanTasks.Request(context, HumanTasks.UrgeUnit, new JsonObject
        {
            ["kind"] = "Escalation", ["unitCode"] = body, ["role"] = "Head", ["title"] = title, ["description"] = description,
            ["laggardUnitCode"] = unitCode, ["urgingBodyCode"] = urgingBody, ["supervisingUnitCode"] = supervising,
            ["deadline"] = context.Properties["deadline"]!.DeepClone(),
        })).ToList();
        context.Properties["escalationTaskIds"] = new JsonArray(taskIds.Select(id => (JsonNode)id).ToArray());
        context.Set(Escalated, true);
        context.Publish(new EscalationRaised(context.WorkflowInstanceId, context.Id, PlanIdOf(context), unitCode, unitName, urgingBody, supervising,
            taskIds[0], taskIds.Count > 1 ? taskIds[1] : null, title, description, deadline.DueUtc, context.UtcNow));
    }

    private void Submitted(ActivityExecutionContext context)
    {
        var deadline = DeadlineValue.FromJson((JsonObject)context.Properties["deadline"]!, "deadline");
        var sent = context.Properties["sent"]!.GetValue<int>();
        context.Set(SubmittedAt, context.UtcNow);
        context.Publish(new ReportSubmitted(context.WorkflowInstanceId, context.Id, PlanIdOf(context), context.Properties["unitCode"]!.GetValue<string>(),
            context.UtcNow, deadline.IsOverdueAt(context.UtcNow), sent, context.Properties["scheduled"]!.GetValue<int>() - sent,
            (context.Properties["escalationTaskIds"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? []));
        context.Complete(SubmittedOutcome); // removes the pending reminder and escalation timers and the open urging task's bookmark
    }

    private async Task<ResolvedDeadline> ReadDeadlineAsync(ActivityExecutionContext context)
    {
        var fromAbove = await context.DeadlineFromAboveAsync();
        var node = context.Get(Deadline);
        if (ChainContextExtensions.IsEmpty(node))
            return fromAbove ?? throw new ActivityInputException(Deadline.Name,
                "Thiếu thời hạn (và quy trình không có đầu vào \"deadline\").",
                $"{Deadline.Name}: a deadline is required (the workflow has no input 'deadline' to default to).");
        return await context.ResolveConcreteAsync(node, Deadline.Name, fromAbove);
    }

    private ReminderPlan ReadPlan(ActivityExecutionContext context)
    {
        var offsets = context.List(Offsets).Select(text => ParseOffset(text, Offsets.Name)).ToList();
        var escalateAfter = ParseOffset(context.GetText(EscalateAfter) ?? "+3wd", EscalateAfter.Name);
        var time = context.GetText(TimeOfDay) ?? "08:00";
        if (!TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var timeOfDay))
            throw new ActivityInputException(TimeOfDay.Name, $"Giờ gửi \"{time}\" phải có dạng HH:mm.", $"{TimeOfDay.Name}: \"{time}\" is not a time HH:mm.");
        return new ReminderPlan { Offsets = offsets, EscalateAfter = escalateAfter, TimeOfDay = timeOfDay };
    }

    private static ReminderOffset ParseOffset(string text, string field) =>
        ReminderOffset.TryParse(text, out var offset) ? offset : throw new ActivityInputException(field,
            $"Không hiểu mốc \"{text}\": viết dạng -7d (ngày), -3wd (ngày làm việc) hoặc +1d.",
            $"{field}: cannot read \"{text}\"; write e.g. -7d, -3wd or +1d.");

    private static async Task<string> UnitNameAsync(IOrganisationQueries organisation, string unitCode, DateOnly day, CancellationToken cancellationToken) =>
        (await organisation.FindUnitAsync(unitCode, day, cancellationToken))?.Name ?? unitCode;

    private string? PlanIdOf(ActivityExecutionContext context) => context.GetText(PlanId) ?? context.WorkflowInputText(ChainInputs.PlanId);
}
