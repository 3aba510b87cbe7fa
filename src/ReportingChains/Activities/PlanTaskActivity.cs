using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Nhiệm vụ: one task of an implementation plan (plan 003's 1.1–2.5), taken from the plan template by its number —
/// directing body, executing bodies (resolved on the organisation tree of the plan's date; a task whose plan names no
/// executing body is executed by its directing bodies) and due rule. Each executing unit gets a human task
/// <c>WorkflowHost.ReportTaskProgress</c>; it answers <c>{action: "progress"|"complete", text, targets: {CODE: number}}</c>
/// as often as it likes: progress keeps its task open, complete closes it. <c>Done</c> (completing the activity) when
/// every executing unit completed. When the due date passes first, the port <c>Overdue</c> is followed once
/// (<see cref="ActivityExecutionContext.ScheduleOutcomes"/>) while the activity keeps waiting: the tasks stay open for a
/// late completion, which still ends with <c>Done</c> (marked late in <see cref="PlanTaskCompleted"/> and the journal).
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Giao một nhiệm vụ của kế hoạch (theo số thứ tự, ví dụ \"1.3\") cho các đơn vị thực hiện, nhận báo cáo tiến độ và giá trị " +
    "các mục tiêu; cổng \"Done\" khi mọi đơn vị đã hoàn thành. Đến hạn mà chưa xong: đi tiếp cổng \"Overdue\" một lần, " +
    "nhiệm vụ vẫn mở để hoàn thành muộn (khi đó vẫn ra \"Done\", ghi nhận là muộn).",
    TypeName = "PlanTask", DisplayName = "Nhiệm vụ", Kind = ActivityKind.Task)]
[FlowNode(DoneOutcome, OverdueOutcome)]
public sealed class PlanTaskActivity : Activity
{
    public const string DoneOutcome = "Done";
    public const string OverdueOutcome = "Overdue";
    public const string TaskName = "WorkflowHost.ReportTaskProgress";
    public const string DueBookmark = "WorkflowHost.PlanTaskDue";

    [Input(DisplayName = "Mã kế hoạch", Order = 1, Description = "Kế hoạch có nhiệm vụ này (ví dụ \"003\"). Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Số thứ tự nhiệm vụ", IsRequired = true, Order = 2, Description = "Như trong kế hoạch, ví dụ \"1.3\".")]
    public Input<string> TaskNumber { get; } = new();

    [Input(DisplayName = "Ngày chốt cây tổ chức", Order = 3,
        Description = "yyyy-MM-dd. Để trống: đầu vào \"asOf\" của quy trình, nếu không có thì ngày chốt của kế hoạch.")]
    public Input<string> AsOf { get; } = new();

    [Input(DisplayName = "Đơn vị chỉ đạo", Order = 4,
        Description = "Mã đơn vị, cách nhau bởi dấu phẩy. Để trống: \"Trách nhiệm chỉ đạo\" của nhiệm vụ trong kế hoạch.")]
    public Input<string> DirectingUnits { get; } = new();

    [Input(DisplayName = "Đơn vị thực hiện", Order = 5,
        Description = "Mã đơn vị, cách nhau bởi dấu phẩy. Để trống: \"Trách nhiệm thực hiện\" của nhiệm vụ; kế hoạch không ghi thì đơn vị chỉ đạo thực hiện.")]
    public Input<string> ExecutingUnits { get; } = new();

    [Input(DisplayName = "Thời hạn hoàn thành", UIHint = "singleline", TypeName = "Object", Order = 6,
        Description = "Cụm từ (\"trước ngày 25/7/2026\"), quy tắc JSON hoặc kết quả của \"Thời hạn\". Để trống: thời gian hoàn thành của nhiệm vụ trong kế hoạch (nhiệm vụ thường xuyên: không có hạn).")]
    public Input<JsonNode> Due { get; } = new();

    [Output(DisplayName = "Đơn vị thực hiện")]
    public Output<string[]> Executing { get; } = new();

    [Output(DisplayName = "Đơn vị đã hoàn thành")]
    public Output<string[]> Completed { get; } = new();

    [Output(DisplayName = "Đơn vị chưa hoàn thành")]
    public Output<string[]> Pending { get; } = new();

    [Output(DisplayName = "Giá trị mục tiêu", TypeName = "Object", Description = "{mã mục tiêu: {mã đơn vị: giá trị báo cáo gần nhất}}.")]
    public Output<JsonObject> Targets { get; } = new();

    [Output(DisplayName = "Quá hạn")]
    public Output<bool> Overdue { get; } = new();

    [Output(DisplayName = "Thời hạn đã tính", TypeName = "Object")]
    public Output<JsonObject> ResolvedDue { get; } = new();

    [Output(DisplayName = "Lý do từ chối báo cáo gần nhất")]
    public Output<string> Error { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var (planId, plan, task) = await ReadTaskAsync(context);
        var asOf = await context.RequireAsOfAsync(AsOf, planId);
        var snapshot = await context.Services.GetRequiredService<IOrganisationQueries>().SnapshotAsync(asOf, context.CancellationToken);
        var directing = Select(context, snapshot, DirectingUnits, task.Directing);
        var executing = Select(context, snapshot, ExecutingUnits, task.Executing.Count > 0 ? task.Executing : task.Directing);
        if (executing.Count == 0)
            throw new ActivityInputException(ExecutingUnits.Name, $"Nhiệm vụ {task.Number} không có đơn vị thực hiện trên cây tổ chức ngày {asOf:dd/MM/yyyy}.",
                $"{ExecutingUnits.Name}: task {task.Number} selects no unit on the tree of {asOf:yyyy-MM-dd}.");
        var due = await ReadDueAsync(context, task);

        var tasks = new JsonObject();
        var units = new List<PlanTaskUnit>(executing.Count);
        foreach (var unit in executing)
        {
            var taskId = HumanTasks.Request(context, TaskName, TaskPayload(plan, task, unit, directing, due));
            tasks[taskId] = unit.Code;
            units.Add(new PlanTaskUnit(unit.Code, unit.Name, taskId));
        }
        context.Properties["planId"] = planId;
        context.Properties["taskNumber"] = task.Number;
        context.Properties["tasks"] = tasks;
        context.Properties["completed"] = new JsonArray();
        context.Properties["targets"] = new JsonObject();
        if (due is not null) context.Properties["dueUtc"] = due.DueUtc.ToString("O", CultureInfo.InvariantCulture);
        context.Set(Executing, executing.Select(u => u.Code).ToArray());
        context.Set(Completed, []);
        context.Set(Pending, executing.Select(u => u.Code).ToArray());
        context.Set(Targets, new JsonObject());
        context.Set(Overdue, false);
        context.Set(ResolvedDue, due is null ? null : DeadlineValue.ToJson(due));
        context.Publish(new PlanTaskAssigned(context.WorkflowInstanceId, context.Id, context.ActivityId, planId, task.Number, task.Title,
            directing.Select(u => u.Code).ToList(), units, due?.DueUtc, due?.DisplayText, context.UtcNow));

        if (due is null) return;
        if (due.IsOverdueAt(context.UtcNow)) BecomeOverdue(context);
        else context.CreateTimer(DueBookmark, due.DueUtc, new JsonObject { ["dueUtc"] = context.Properties["dueUtc"]!.DeepClone() });
    }

    public override async ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        if (resumption.Bookmark.Name == DueBookmark) BecomeOverdue(context);
        else await AnswerAsync(context, resumption);
    }

    /// <summary>The due date passed with units still working: follow <c>Overdue</c> once, keep every task open.</summary>
    private void BecomeOverdue(ActivityExecutionContext context)
    {
        var pending = PendingUnits(context);
        var dueUtc = DateTimeOffset.Parse(context.Properties["dueUtc"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        context.Properties["overdue"] = true;
        context.Set(Overdue, true);
        context.AddPayload("Overdue", new JsonObject
        {
            ["dueUtc"] = context.Properties["dueUtc"]!.DeepClone(), ["pending"] = new JsonArray(pending.Select(c => (JsonNode)c).ToArray()),
        });
        context.Publish(new PlanTaskOverdue(context.WorkflowInstanceId, context.Id, PlanIdOf(context), TaskNumberOf(context), pending, dueUtc, context.UtcNow));
        context.SetJournalMessage($"Nhiệm vụ {TaskNumberOf(context)} quá hạn, còn {pending.Count} đơn vị chưa hoàn thành: {string.Join(", ", pending)}.");
        context.ScheduleOutcomes(OverdueOutcome);
    }

    private async Task AnswerAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        var taskId = resumption.Bookmark.Payload!["taskId"]!.GetValue<string>();
        var unitCode = ((JsonObject)context.Properties["tasks"]!)[taskId]!.GetValue<string>();
        var result = HumanTasks.Result(resumption);
        ProgressAnswer answer;
        try
        {
            answer = ProgressAnswer.Read(result, await PlanAsync(context));
        }
        catch (ActivityInputException refused)
        {
            HumanTasks.Wait(context, taskId, TaskName);
            context.Set(Error, refused.VietnameseMessage);
            context.AddPayload("Refused", new JsonObject
            {
                ["taskId"] = taskId, ["unitCode"] = unitCode, ["answer"] = result?.DeepClone(), ["field"] = refused.Field,
                ["reason"] = refused.Message, ["at"] = context.UtcNow.ToString("O"),
            });
            return;
        }
        context.Set(Error, null);
        var late = context.Properties["overdue"] is not null;
        RecordTargets(context, unitCode, answer.Targets);
        context.Publish(new PlanTaskProgressReported(context.WorkflowInstanceId, context.Id, PlanIdOf(context), TaskNumberOf(context), unitCode, taskId,
            answer.Completes, answer.Text, answer.Targets, late, InboxCompletion.CompletedBy(result), context.UtcNow));
        if (!answer.Completes)
        {
            HumanTasks.Wait(context, taskId, TaskName); // progress only: the unit's task stays open
            return;
        }

        HumanTasks.Accepted(context, resumption);
        var completed = (JsonArray)context.Properties["completed"]!;
        completed.Add(unitCode);
        var pending = PendingUnits(context);
        context.Set(Completed, completed.Select(n => n!.GetValue<string>()).ToArray());
        context.Set(Pending, pending.ToArray());
        if (pending.Count > 0) return;

        context.Publish(new PlanTaskCompleted(context.WorkflowInstanceId, context.Id, PlanIdOf(context), TaskNumberOf(context),
            completed.Select(n => n!.GetValue<string>()).ToList(), late, context.UtcNow));
        if (late) context.SetJournalMessage($"Nhiệm vụ {TaskNumberOf(context)} hoàn thành sau thời hạn.");
        context.Complete(DoneOutcome); // also removes the due timer when it has not fired
    }

    private void RecordTargets(ActivityExecutionContext context, string unitCode, IReadOnlyDictionary<string, decimal> values)
    {
        var targets = (JsonObject)context.Properties["targets"]!;
        foreach (var (code, value) in values)
        {
            var byUnit = targets[code] as JsonObject ?? (JsonObject)(targets[code] = new JsonObject());
            byUnit[unitCode] = value;
        }
        context.Set(Targets, (JsonObject)targets.DeepClone());
    }

    private static List<string> PendingUnits(ActivityExecutionContext context)
    {
        var completed = ((JsonArray)context.Properties["completed"]!).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return ((JsonObject)context.Properties["tasks"]!).Select(p => p.Value!.GetValue<string>()).Where(code => !completed.Contains(code)).ToList();
    }

    private async Task<(string PlanId, PlanTemplate Plan, PlanTask Task)> ReadTaskAsync(ActivityExecutionContext context)
    {
        var planId = context.RequireText(PlanId, ChainInputs.PlanId);
        var plans = context.Services.GetService<IPlanTemplates>();
        var plan = (plans is null ? null : await plans.FindAsync(planId, context.CancellationToken))
            ?? throw new ActivityInputException(PlanId.Name, $"Không tìm thấy kế hoạch \"{planId}\".", $"{PlanId.Name}: plan '{planId}' does not exist.");
        var number = context.GetText(TaskNumber) ?? throw new ActivityInputException(TaskNumber.Name,
            "Thiếu số thứ tự nhiệm vụ.", $"{TaskNumber.Name}: the task number of the plan is required.");
        var task = plan.Tasks.FirstOrDefault(t => t.Number == number) ?? throw new ActivityInputException(TaskNumber.Name,
            $"Kế hoạch \"{planId}\" không có nhiệm vụ \"{number}\" (có: {string.Join(", ", plan.Tasks.Select(t => t.Number))}).",
            $"{TaskNumber.Name}: plan '{planId}' has no task '{number}'.");
        return (planId, plan, task);
    }

    /// <summary>The plan template again on a resumption (templates are loaded at start-up; the activity keeps only its id).</summary>
    private async Task<PlanTemplate> PlanAsync(ActivityExecutionContext context)
    {
        var planId = PlanIdOf(context);
        var plans = context.Services.GetService<IPlanTemplates>();
        return (plans is null ? null : await plans.FindAsync(planId, context.CancellationToken))
            ?? throw new ActivityInputException(PlanId.Name, $"Không tìm thấy kế hoạch \"{planId}\".", $"{PlanId.Name}: plan '{planId}' does not exist.");
    }

    private async Task<ResolvedDeadline?> ReadDueAsync(ActivityExecutionContext context, PlanTask task)
    {
        var node = context.Get(Due);
        if (ChainContextExtensions.IsEmpty(node))
        {
            if (task.Due is null) return null;
            node = JsonValue.Create(task.Due);
        }
        return await context.ResolveConcreteAsync(node, Due.Name, await context.DeadlineFromAboveAsync());
    }

    /// <summary>The override list when given, else the plan's selectors, on the snapshot of the plan's date.</summary>
    private static IReadOnlyList<OrgUnit> Select(ActivityExecutionContext context, OrganisationSnapshot snapshot, Input<string> overrideInput,
        IReadOnlyList<UnitSelector> selectors)
    {
        var codes = context.List(overrideInput);
        if (codes.Count > 0)
        {
            try
            {
                return new UnitSelectionQuery(ReportingUnitSelection.Explicit, [], [], null, codes).Apply(snapshot);
            }
            catch (ActivityInputException unknown)
            {
                throw new ActivityInputException(overrideInput.Name, unknown.VietnameseMessage, unknown.Message.Replace("Units:", overrideInput.Name + ":"));
            }
        }
        var runningUnit = context.WorkflowInputText(ChainInputs.UnitCode);
        return selectors.SelectMany(selector => QueryOf(selector, runningUnit, overrideInput.Name).Apply(snapshot))
            .DistinctBy(u => u.Code).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    private static UnitSelectionQuery QueryOf(UnitSelector selector, string? runningUnit, string field)
    {
        var kinds = selector.Kinds.Select(k => Enum.Parse<UnitKind>(k)).ToList();
        return selector.Mode switch
        {
            UnitSelectionMode.Explicit => new UnitSelectionQuery(ReportingUnitSelection.Explicit, [], [], null, selector.Units),
            UnitSelectionMode.ByKind => new UnitSelectionQuery(ReportingUnitSelection.ByKind, kinds, [], selector.Under, []),
            UnitSelectionMode.ChildrenOfRunningUnit => new UnitSelectionQuery(ReportingUnitSelection.ChildrenOfRunningUnit, kinds, [],
                runningUnit ?? throw new ActivityInputException(field, "Kế hoạch giao nhiệm vụ cho \"các đơn vị trực thuộc\" nhưng quy trình không có đầu vào \"unitCode\".",
                    $"{field}: the plan selects the children of the running unit but the workflow has no input 'unitCode'."), []),
            _ => throw new ArgumentOutOfRangeException(nameof(selector), selector.Mode, null),
        };
    }

    private static JsonObject TaskPayload(PlanTemplate plan, PlanTask task, OrgUnit unit, IReadOnlyList<OrgUnit> directing, ResolvedDeadline? due) => new()
    {
        ["kind"] = "RunTask",
        ["unitCode"] = unit.Code,
        ["role"] = "drafter",
        ["title"] = $"Nhiệm vụ {task.Number}: {task.Title}",
        ["description"] = string.Join("\n", new[]
        {
            task.Content,
            $"Trách nhiệm chỉ đạo: {task.DirectingText ?? string.Join(", ", directing.Select(u => u.Name))}",
            task.DueText is null ? null : $"Thời gian hoàn thành: {task.DueText}",
            "Báo cáo tiến độ (\"progress\") hoặc hoàn thành (\"complete\"), kèm giá trị các mục tiêu nếu có.",
        }.OfType<string>()),
        ["dueAt"] = due?.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["planId"] = plan.Id,
        ["taskNumber"] = task.Number,
        ["directingUnitCodes"] = new JsonArray(directing.Select(u => (JsonNode)u.Code).ToArray()),
        ["targets"] = new JsonArray(plan.Targets.Select(t => (JsonNode)new JsonObject
        {
            ["code"] = t.Code, ["name"] = t.Name, ["unit"] = t.Unit, ["comparison"] = t.Comparison.ToString(), ["value"] = t.Value, ["year"] = t.Year,
        }).ToArray()),
    };

    private static string PlanIdOf(ActivityExecutionContext context) => context.Properties["planId"]!.GetValue<string>();
    private static string TaskNumberOf(ActivityExecutionContext context) => context.Properties["taskNumber"]!.GetValue<string>();
}

/// <summary>
/// An answer to a <c>WorkflowHost.ReportTaskProgress</c> task: <c>{action, text, targets}</c>, or the same inside the
/// inbox's <c>data</c>. Refused (naming the field) when the action is unknown, a target code is not one of the plan's,
/// a value is negative or a percentage is above 100.
/// </summary>
internal sealed record ProgressAnswer(bool Completes, string? Text, IReadOnlyDictionary<string, decimal> Targets)
{
    public static ProgressAnswer Read(JsonNode? result, PlanTemplate plan)
    {
        var answer = result as JsonObject;
        if (answer is not null && !answer.ContainsKey("action") && answer["data"] is JsonObject data) answer = data;
        var action = answer?["action"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>().Trim() : null;
        var completes = action switch
        {
            "complete" => true,
            "progress" => false,
            _ => throw new ActivityInputException("action", "Trả lời phải có \"action\" là \"progress\" (báo cáo tiến độ) hoặc \"complete\" (hoàn thành).",
                $"action: expected \"progress\" or \"complete\", got {(action is null ? "nothing" : $"\"{action}\"")}."),
        };
        var text = answer!["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetValue<string>())
            ? t.GetValue<string>().Trim() : null;
        var targets = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        if (answer["targets"] is JsonObject values)
            foreach (var (code, node) in values)
                targets[code] = TargetValue(plan, code, node);
        else if (answer["targets"] is not null)
            throw new ActivityInputException("targets", "\"targets\" phải là đối tượng {mã mục tiêu: giá trị}.", "targets: expected an object {code: number}.");
        return new ProgressAnswer(completes, text, targets);
    }

    private static decimal TargetValue(PlanTemplate plan, string code, JsonNode? node)
    {
        var field = $"targets.{code}";
        var target = plan.FindTarget(code) ?? throw new ActivityInputException(field,
            $"Kế hoạch không có mục tiêu \"{code}\" (có: {string.Join(", ", plan.Targets.Select(t => t.Code))}).",
            $"{field}: plan '{plan.Id}' has no target '{code}'.");
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            throw new ActivityInputException(field, $"Giá trị mục tiêu \"{code}\" phải là một số.", $"{field}: expected a number.");
        var number = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (number < 0)
            throw new ActivityInputException(field, $"Giá trị mục tiêu \"{code}\" không được âm.", $"{field}: a target value cannot be negative.");
        if (target.IsPercentage && number > 100)
            throw new ActivityInputException(field, $"Mục tiêu \"{code}\" tính bằng %, không quá 100.", $"{field}: a percentage cannot exceed 100.");
        return number;
    }
}
