using System.Globalization;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

public enum DeadlineMode
{
    /// <summary>Complete at once with the resolved deadline (outcome Done).</summary>
    ResolveOnly,
    /// <summary>Wait on a durable timer until the deadline passes (outcome Due).</summary>
    WaitUntilDue,
}

/// <summary>
/// Thời hạn: resolves a deadline rule on the Vietnamese working-day calendar (<see cref="DeadlineResolver"/>) into
/// its instant and display text. A rule "do cấp trên quyết định" (set by the parent level) first asks the running
/// unit to choose the day, as a human task bounded by its own deadline; a refused choice keeps the task open.
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Tính thời hạn theo quy tắc (\"trước ngày 30/9/2022\", \"cuối tháng 3/2019\", \"5 ngày làm việc trước thời hạn của cấp trên\", " +
    "\"do cấp trên quyết định\") trên lịch ngày làm việc Việt Nam; có thể chờ đến hạn.",
    DisplayName = "Thời hạn")]
[FlowNode(DoneOutcome, DueOutcome)]
public sealed class Deadline : Activity
{
    public const string DoneOutcome = "Done";
    public const string DueOutcome = "Due";
    public const string DueBookmark = "WorkflowHost.DeadlineDue";

    [Input(DisplayName = "Quy tắc thời hạn", UIHint = "singleline", TypeName = "Object", IsRequired = true, Order = 1,
        Description = "Cụm từ như \"trước ngày 30/9/2022\", \"cuối tháng 3/2019\", \"trong tháng 6/2026\", " +
                      "\"3 ngày làm việc trước thời hạn của cấp trên\", \"do cấp trên quyết định\", hoặc quy tắc dạng JSON.")]
    public Input<JsonNode> Rule { get; } = new();

    [Input(DisplayName = "Cách dùng", DefaultValue = DeadlineMode.ResolveOnly, Order = 2,
        Description = "ResolveOnly: tính xong chuyển tiếp ngay; WaitUntilDue: chờ đến thời hạn (cổng Due).")]
    public Input<DeadlineMode> Mode { get; } = new();

    [Input(DisplayName = "Thời hạn của cấp trên", UIHint = "singleline", TypeName = "Object", Order = 3,
        Description = "Để trống: thời hạn mà cấp trên giao cho quy trình này (đầu vào \"deadline\").")]
    public Input<JsonNode> ParentDeadline { get; } = new();

    [Input(DisplayName = "Đơn vị quyết định thời hạn", Order = 4,
        Description = "Với \"do cấp trên quyết định\": đơn vị chọn ngày. Để trống: đơn vị đang chạy quy trình (đầu vào \"unitCode\").")]
    public Input<string> ChooserUnitCode { get; } = new();

    [Output(DisplayName = "Thời hạn đã tính", TypeName = "Object",
        Description = "{rule, ruleText, lastDay, dueUtc, displayText}: truyền cho \"Yêu cầu báo cáo\" hoặc \"Nhắc việc và đôn đốc\".")]
    public Output<JsonObject> Resolved { get; } = new();

    [Output(DisplayName = "Thời điểm hết hạn (UTC)")]
    public Output<DateTimeOffset> DueUtc { get; } = new();

    [Output(DisplayName = "Thời hạn (hiển thị)")]
    public Output<string> DisplayText { get; } = new();

    [Output(DisplayName = "Lý do từ chối lựa chọn gần nhất")]
    public Output<string> Error { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var rule = DeadlineValue.ReadRule(context.Get(Rule), Rule.Name, out var resolved);
        var parent = await context.ParentDeadlineAsync(ParentDeadline);
        if (resolved is null && rule is SetByParentRule)
        {
            RequestChoice(context, RequireParent(parent));
            return;
        }
        resolved ??= await context.ResolveAsync(rule, Rule.Name, new DeadlineContext(parent));
        Finish(context, resolved);
    }

    public override async ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        if (resumption.Bookmark.Name == DueBookmark)
        {
            context.Complete(DueOutcome);
            return;
        }
        var taskId = context.Properties["taskId"]!.GetValue<string>();
        var choice = HumanTasks.Result(resumption);
        try
        {
            var parent = RequireParent(await context.ParentDeadlineAsync(ParentDeadline));
            var rule = DeadlineValue.ReadRule(context.Get(Rule), Rule.Name, out _);
            var chosen = DeadlineValue.ReadRule(HumanTasks.Answer(choice, "deadline"), "deadline", out var chosenResolved);
            var resolved = await context.ResolveAsync(rule, "deadline", new DeadlineContext(parent, chosenResolved?.Rule ?? chosen));
            if (resolved.DueUtc <= context.UtcNow)
                throw new ActivityInputException("deadline",
                    $"Thời hạn được chọn ({resolved.DisplayText}) đã qua; hãy chọn một ngày chưa qua.",
                    $"deadline: the chosen deadline (end of {resolved.LastDay:yyyy-MM-dd}) has already passed.");
            context.Set(Error, null);
            HumanTasks.Accepted(context, resumption);
            Finish(context, resolved);
        }
        catch (ActivityInputException refused)
        {
            HumanTasks.Wait(context, taskId, HumanTasks.ChooseDeadline);
            context.Set(Error, refused.VietnameseMessage);
            context.AddPayload("Refused", new JsonObject
            {
                ["taskId"] = taskId, ["choice"] = choice?.DeepClone(), ["field"] = refused.Field, ["reason"] = refused.Message,
                ["at"] = context.UtcNow.ToString("O"),
            });
            context.Publish(new DeadlineChoiceRefused(context.WorkflowInstanceId, context.Id, taskId,
                context.Properties["chooserUnitCode"]!.GetValue<string>(), choice?.ToJsonString(), refused.Field, refused.Message,
                refused.VietnameseMessage, context.UtcNow));
        }
    }

    private void RequestChoice(ActivityExecutionContext context, ResolvedDeadline parent)
    {
        var chooser = context.RequireText(ChooserUnitCode, ChainInputs.UnitCode);
        var earliest = VietnamTime.DateOf(context.UtcNow);
        var title = $"Quyết định thời hạn gửi báo cáo cho cấp dưới (không muộn hơn {parent.DisplayText})";
        var taskId = HumanTasks.Request(context, HumanTasks.ChooseDeadline, new JsonObject
        {
            ["kind"] = "RunTask", ["unitCode"] = chooser, ["role"] = "Head", ["title"] = title,
            ["description"] = $"Nhập thời hạn cho cấp dưới, ví dụ \"trước ngày {parent.LastDay.AddDays(-5).ToString("d/M/yyyy", CultureInfo.InvariantCulture)}\"; " +
                $"không muộn hơn {parent.DisplayText}.",
            ["dueAt"] = parent.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["earliestLastDay"] = earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["latestLastDay"] = parent.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["parentDeadline"] = DeadlineValue.ToJson(parent),
        });
        context.Properties["taskId"] = taskId;
        context.Properties["chooserUnitCode"] = chooser;
        context.Publish(new DeadlineChoiceRequested(context.WorkflowInstanceId, context.Id, context.ActivityId, taskId, chooser,
            earliest, parent.LastDay, parent.DueUtc, parent.DisplayText, context.UtcNow));
    }

    private void Finish(ActivityExecutionContext context, ResolvedDeadline resolved)
    {
        var json = DeadlineValue.ToJson(resolved);
        context.Set(Resolved, json);
        context.Set(DueUtc, resolved.DueUtc);
        context.Set(DisplayText, resolved.DisplayText);
        context.Publish(new DeadlineResolved(context.WorkflowInstanceId, context.Id, context.ActivityId,
            context.WorkflowInputText(ChainInputs.UnitCode), json["rule"]!.ToJsonString(), resolved.Rule.Describe(),
            resolved.LastDay, resolved.DueUtc, resolved.DisplayText, context.UtcNow));
        if (context.Get(Mode) == DeadlineMode.WaitUntilDue)
            context.CreateTimer(DueBookmark, resolved.DueUtc, new JsonObject { ["dueUtc"] = json["dueUtc"]!.DeepClone() });
        else
            context.Complete(DoneOutcome);
    }

    private ResolvedDeadline RequireParent(ResolvedDeadline? parent) =>
        parent ?? throw new ActivityInputException(ParentDeadline.Name,
            "Thời hạn \"do cấp trên quyết định\" cần thời hạn của chính cấp quyết định (\"ParentDeadline\" hoặc đầu vào \"deadline\").",
            $"{ParentDeadline.Name}: a set-by-parent deadline needs the choosing level's own deadline (this input or the workflow input 'deadline').");
}
