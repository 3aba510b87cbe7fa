using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Yêu cầu báo cáo: selects the reporting units on the organisation tree of the plan's date (one snapshot query),
/// queues one child instance of the units' chain per unit (dispatched: they start after this commit, each in its
/// own burst) and waits for each to finish — a finished child is a unit that reported. Completes with
/// <c>AllReported</c>, or with <c>Deadline</c> and the laggards when the deadline timer fires first; children
/// finishing later are in their own journal and WorkflowFinished notification but no longer resume this activity.
/// </summary>
/// <remarks>
/// Per child this activity does constant work (one dispatch, one bookmark keyed by the child id carrying the unit
/// code, one append to the reported list); the list of laggards is computed once, at the deadline.
/// </remarks>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Chọn các đơn vị báo cáo theo cây tổ chức tại ngày của kế hoạch, khởi động quy trình báo cáo của từng đơn vị và chờ " +
    "đến khi tất cả đã báo cáo hoặc đến thời hạn (kèm danh sách đơn vị chậm).",
    DisplayName = "Yêu cầu báo cáo", Kind = ActivityKind.Task)]
[FlowNode(AllReportedOutcome, DeadlineOutcome)]
public sealed class RequestReports : Activity
{
    public const string AllReportedOutcome = "AllReported";
    public const string DeadlineOutcome = "Deadline";
    public const string DeadlineBookmark = "WorkflowHost.ReportingDeadline";

    [Input(DisplayName = "Mã kế hoạch", Order = 1,
        Description = "Kế hoạch (ví dụ \"002\"); truyền cho quy trình của từng đơn vị. Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Ngày chốt cây tổ chức", Order = 2,
        Description = "yyyy-MM-dd: các đơn vị được chọn theo cây tổ chức tại ngày này. Để trống: đầu vào \"asOf\" của quy trình, nếu không có thì ngày chốt của kế hoạch.")]
    public Input<string> AsOf { get; } = new();

    [Input(DisplayName = "Cách chọn đơn vị", DefaultValue = ReportingUnitSelection.ChildrenOfRunningUnit, Order = 3,
        Description = "ChildrenOfRunningUnit: các đơn vị trực thuộc đơn vị đang chạy; ByKind: theo loại, trực thuộc \"Thuộc đơn vị\"; " +
                      "ByLevel: theo cấp, thuộc \"Thuộc đơn vị\"; Explicit: theo danh sách mã.")]
    public Input<ReportingUnitSelection> Selection { get; } = new();

    [Input(DisplayName = "Loại đơn vị", Order = 4,
        Description = "Danh sách, cách nhau bởi dấu phẩy: DistrictCommittee, DirectCommittee, CommuneCommittee, GrassrootsOrganisation, " +
                      "FrontOrganisation, Department, CommitteeBoard, PartyGroup … Để trống: mọi loại.")]
    public Input<string> Kinds { get; } = new();

    [Input(DisplayName = "Cấp", Order = 5, Description = "Với ByLevel: TrungUong, Tinh, Huyen, CoSo (cách nhau bởi dấu phẩy).")]
    public Input<string> Levels { get; } = new();

    [Input(DisplayName = "Thuộc đơn vị", Order = 6, Description = "Mã đơn vị cấp trên cho ByKind/ByLevel. Để trống: đơn vị đang chạy (\"unitCode\").")]
    public Input<string> Under { get; } = new();

    [Input(DisplayName = "Danh sách mã đơn vị", Order = 7, Description = "Với Explicit: các mã đơn vị, cách nhau bởi dấu phẩy.")]
    public Input<string> Units { get; } = new();

    [Input(DisplayName = "Quy trình của đơn vị", UIHint = "workflow-definition-picker", IsRequired = true, Order = 8,
        Description = "Quy trình (đã phát hành) chạy cho từng đơn vị; nó có thể lại yêu cầu báo cáo từ cấp dưới của mình.")]
    public Input<string> ChildWorkflowDefinitionId { get; } = new();

    [Input(DisplayName = "Thời hạn", UIHint = "singleline", TypeName = "Object", IsRequired = true, Order = 9,
        Description = "Cụm từ (\"trước ngày 30/9/2022\"), quy tắc JSON hoặc kết quả của hoạt động \"Thời hạn\".")]
    public Input<JsonNode> Deadline { get; } = new();

    [Input(DisplayName = "Đầu vào thêm cho quy trình đơn vị", UIHint = "dictionary", TypeName = "ObjectDictionary", Order = 10,
        Description = "Thêm vào đầu vào của từng quy trình con (ngoài unitCode, parentUnitCode, asOf, deadline, planId).")]
    public Input<JsonObject> ChildInput { get; } = new();

    [Output(DisplayName = "Đơn vị đã báo cáo")]
    public Output<string[]> Reported { get; } = new();

    [Output(DisplayName = "Đơn vị chậm báo cáo")]
    public Output<string[]> Laggards { get; } = new();

    [Output(DisplayName = "Thời hạn đã tính", TypeName = "Object")]
    public Output<JsonObject> ResolvedDeadline { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var planId = context.GetText(PlanId) ?? context.WorkflowInputText(ChainInputs.PlanId);
        var asOf = await context.RequireAsOfAsync(AsOf, planId);
        var runningUnit = context.WorkflowInputText(ChainInputs.UnitCode);
        var deadline = await context.ResolveConcreteAsync(context.Get(Deadline), Deadline.Name, await context.DeadlineFromAboveAsync());
        var definitionId = context.GetText(ChildWorkflowDefinitionId) ?? throw new ActivityInputException(ChildWorkflowDefinitionId.Name,
            "Chưa chọn quy trình của đơn vị.", $"{ChildWorkflowDefinitionId.Name}: the child workflow definition id is required.");

        var query = ReadSelection(context, runningUnit);
        var snapshot = await context.Services.GetRequiredService<IOrganisationQueries>().SnapshotAsync(asOf, context.CancellationToken);
        var units = query.Apply(snapshot);

        var deadlineJson = DeadlineValue.ToJson(deadline);
        context.Set(ResolvedDeadline, deadlineJson);
        var extra = context.Get(ChildInput);
        var codes = new JsonArray();
        var requested = new List<RequestedUnit>(units.Count);
        foreach (var unit in units)
        {
            var input = (JsonObject?)extra?.DeepClone() ?? new JsonObject();
            input[ChainInputs.UnitCode] = unit.Code;
            input[ChainInputs.ParentUnitCode] = runningUnit;
            input[ChainInputs.AsOf] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            input[ChainInputs.Deadline] = deadlineJson.DeepClone();
            input[ChainInputs.PlanId] = planId;
            var childId = context.DispatchWorkflow(new StartWorkflowRequest
            {
                DefinitionId = definitionId, VersionOptions = VersionOptions.Published, Input = input, CorrelationId = context.CorrelationId,
            });
            context.CreateBookmark(BookmarkNames.ChildWorkflowCompleted, childId, new JsonObject { ["childInstanceId"] = childId, ["unitCode"] = unit.Code });
            codes.Add(unit.Code);
            requested.Add(new RequestedUnit(unit.Code, unit.Name, childId));
        }
        context.Properties["units"] = codes;
        context.Properties["reported"] = new JsonArray();
        context.Publish(new ReportsRequested(context.WorkflowInstanceId, context.Id, context.ActivityId, planId, runningUnit, asOf,
            definitionId, deadline.DueUtc, deadline.DisplayText, requested, context.UtcNow));

        if (units.Count == 0) Close(context, ReportingClosedReason.AllReported);
        else context.CreateTimer(DeadlineBookmark, deadline.DueUtc);
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        if (resumption.Bookmark.Name == DeadlineBookmark)
        {
            Close(context, ReportingClosedReason.Deadline);
            return ValueTask.CompletedTask;
        }
        var childId = resumption.Input.GetString("workflowInstanceId") ?? resumption.Bookmark.Payload!["childInstanceId"]!.GetValue<string>();
        var unitCode = resumption.Bookmark.Payload!["unitCode"]!.GetValue<string>();
        var subStatus = resumption.Input.GetString("subStatus") ?? nameof(WorkflowSubStatus.Finished);
        if (subStatus == nameof(WorkflowSubStatus.Faulted))
        {
            // A faulted chain can be retried; keep waiting for it (the deadline still closes the request).
            context.CreateBookmark(BookmarkNames.ChildWorkflowCompleted, childId, resumption.Bookmark.Payload.DeepClone());
            return ValueTask.CompletedTask;
        }
        context.Publish(new UnitReported(context.WorkflowInstanceId, context.Id, unitCode, childId, subStatus, context.UtcNow));
        if (subStatus != nameof(WorkflowSubStatus.Finished)) return ValueTask.CompletedTask; // cancelled: a laggard at the deadline
        var reported = (JsonArray)context.Properties["reported"]!;
        reported.Add(unitCode);
        if (reported.Count == ((JsonArray)context.Properties["units"]!).Count) Close(context, ReportingClosedReason.AllReported);
        return ValueTask.CompletedTask;
    }

    private void Close(ActivityExecutionContext context, ReportingClosedReason reason)
    {
        var reported = ((JsonArray)context.Properties["reported"]!).Select(n => n!.GetValue<string>()).ToArray();
        var reportedSet = reported.ToHashSet(StringComparer.Ordinal);
        var laggards = ((JsonArray)context.Properties["units"]!).Select(n => n!.GetValue<string>()).Where(code => !reportedSet.Contains(code)).ToArray();
        context.Set(Reported, reported);
        context.Set(Laggards, laggards);
        var planId = context.GetText(PlanId) ?? context.WorkflowInputText(ChainInputs.PlanId);
        context.Publish(new ReportingClosed(context.WorkflowInstanceId, context.Id, context.ActivityId, planId, reason, reported, laggards, context.UtcNow));
        context.Complete(reason == ReportingClosedReason.AllReported ? AllReportedOutcome : DeadlineOutcome);
    }

    private UnitSelectionQuery ReadSelection(ActivityExecutionContext context, string? runningUnit)
    {
        var mode = context.Get(Selection);
        var under = mode == ReportingUnitSelection.ChildrenOfRunningUnit
            ? runningUnit ?? throw new ActivityInputException(Selection.Name,
                "Chọn \"các đơn vị trực thuộc\" cần đầu vào \"unitCode\" của quy trình (đơn vị đang chạy).",
                $"{Selection.Name}: ChildrenOfRunningUnit needs the workflow input 'unitCode' (the running unit).")
            : context.GetText(Under) ?? runningUnit;
        var kinds = context.List(Kinds).Select(k => Enum.TryParse<UnitKind>(k, ignoreCase: true, out var kind) ? kind : throw new ActivityInputException(Kinds.Name,
            $"Loại đơn vị \"{k}\" không tồn tại.", $"{Kinds.Name}: unknown unit kind '{k}' (known: {string.Join(", ", Enum.GetNames<UnitKind>())}).")).ToList();
        var levels = context.List(Levels).Select(l => Enum.TryParse<UnitLevel>(l, ignoreCase: true, out var level) ? level : throw new ActivityInputException(Levels.Name,
            $"Cấp \"{l}\" không tồn tại.", $"{Levels.Name}: unknown level '{l}' (known: {string.Join(", ", Enum.GetNames<UnitLevel>())}).")).ToList();
        var codes = context.List(Units);
        if (mode == ReportingUnitSelection.ByLevel && levels.Count == 0)
            throw new ActivityInputException(Levels.Name, "Chọn theo cấp cần ít nhất một cấp.", $"{Levels.Name}: ByLevel needs at least one level.");
        if (mode == ReportingUnitSelection.Explicit && codes.Count == 0)
            throw new ActivityInputException(Units.Name, "Chọn theo danh sách cần ít nhất một mã đơn vị.", $"{Units.Name}: Explicit needs at least one unit code.");
        if (mode == ReportingUnitSelection.ByKind && kinds.Count == 0)
            throw new ActivityInputException(Kinds.Name, "Chọn theo loại cần ít nhất một loại đơn vị.", $"{Kinds.Name}: ByKind needs at least one unit kind.");
        return new UnitSelectionQuery(mode, kinds, levels, under, codes);
    }
}
