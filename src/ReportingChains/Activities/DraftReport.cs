using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Xây dựng báo cáo: opens the running unit's report for this chain (one per plan, instance and unit; the domain
/// continues it as a new version after a rejection or a return) and a drafting task for the drafting unit. The draft is
/// pre-filled with the sum of the children's accepted indicators (<see cref="ChildReports"/>). Answers <c>save</c>
/// (the task stays open) until one <c>submit</c> passes <see cref="ReportContentRules.CheckForSubmission"/>; a refused
/// answer keeps the task open with the reasons in <c>Error</c> and in <see cref="ReportDraftRefused"/>.
/// </summary>
/// <remarks>
/// The activity only reads reports; the rows change in the engine commit through the notifications it publishes
/// (<see cref="ReportPersistenceHandlers"/>). A save replaces the content of the current draft version (the domain's
/// versions are the report's lifecycle: a new one starts only when the collective rejects or the via body returns it);
/// every save is counted as a revision in <see cref="ReportDraftSaved"/> and the journal.
/// </remarks>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Giao đơn vị soạn báo cáo theo đề cương của kế hoạch: bảng chỉ tiêu điền sẵn tổng số liệu đã được thông qua của các đơn vị " +
    "cấp dưới (kèm số liệu từng đơn vị); lưu nháp nhiều lần, gửi trình tập thể khi đủ nội dung và số liệu hợp lệ.",
    DisplayName = "Xây dựng báo cáo", Kind = ActivityKind.Task)]
[FlowNode(SubmittedOutcome)]
public sealed class DraftReport : Activity
{
    public const string SubmittedOutcome = "Submitted";
    /// <summary>The human task's name (inbox form <c>Forms/_DraftReport.cshtml</c>).</summary>
    public const string TaskName = "WorkflowHost.DraftReport";
    /// <summary>Up to this many reporting children the task shows each child's values and texts; beyond, only the sums.</summary>
    public const int MaxChildDetailsInTask = 200;

    [Input(DisplayName = "Mã kế hoạch", Order = 1, Description = "Kế hoạch có đề cương và phụ lục số liệu. Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Cấp báo cáo", Order = 2,
        Description = "Mã cấp trong kế hoạch (ví dụ \"huyen\"); đơn vị soạn mặc định theo cấp. Để trống: đầu vào \"levelKey\" của quy trình.")]
    public Input<string> Level { get; } = new();

    [Input(DisplayName = "Đơn vị báo cáo", Order = 3, Description = "Mã đơn vị có báo cáo. Để trống: đơn vị đang chạy quy trình (\"unitCode\").")]
    public Input<string> UnitCode { get; } = new();

    [Input(DisplayName = "Đơn vị soạn thảo", Order = 4,
        Description = "Đơn vị nhận nhiệm vụ soạn (ví dụ Ban Dân vận soạn báo cáo của Tỉnh ủy). Để trống: đơn vị soạn của cấp trong kế hoạch, nếu không có thì đơn vị báo cáo.")]
    public Input<string> DrafterUnitCode { get; } = new();

    [Input(DisplayName = "Tiêu đề nhiệm vụ", Order = 5, Description = "Để trống: \"Xây dựng báo cáo …\" theo kế hoạch và đơn vị.")]
    public Input<string> Title { get; } = new();

    [Output(DisplayName = "Mã báo cáo")]
    public Output<string> ReportId { get; } = new();

    [Output(DisplayName = "Phiên bản đã trình")]
    public Output<int> Version { get; } = new();

    [Output(DisplayName = "Lý do từ chối gần nhất")]
    public Output<string> Error { get; } = new();

    [Output(DisplayName = "Các lỗi của lần từ chối gần nhất", TypeName = "Object", Description = "[{field, message}]: field như \"sections.II.1\", \"indicators.HOCBONG\".")]
    public Output<JsonArray> Errors { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var scope = await PlanLevelContext.ReadAsync(context, PlanId, Level);
        var plan = scope.RequirePlan(PlanId.Name);
        var level = scope.Level ?? throw new ActivityInputException(Level.Name,
            $"Thiếu \"{Level.Name}\" (và quy trình không có đầu vào \"levelKey\"): báo cáo cần biết cấp của kế hoạch.",
            $"{Level.Name}: a plan level key is required (the workflow has no input 'levelKey').");
        var unitCode = context.RequireText(UnitCode, ChainInputs.UnitCode);
        var drafter = context.GetText(DrafterUnitCode) ?? level.Drafter ?? unitCode;

        var existing = await context.Services.GetRequiredService<IReportRepository>()
            .FindForInstanceAsync(plan.Id, context.WorkflowInstanceId, unitCode, context.CancellationToken);
        var reportId = existing?.Id ?? ReportIds.For(plan.Id, context.WorkflowInstanceId, unitCode);
        var children = await ChildReports.ConsolidateAsync(context, plan);
        var deadline = await context.DeadlineFromAboveAsync();
        var unit = await context.Services.GetRequiredService<IOrganisationQueries>()
            .FindUnitAsync(unitCode, VietnamTime.DateOf(context.UtcNow), context.CancellationToken);

        var payload = DraftTaskPayload.Build(plan, level, unitCode, unit?.Name ?? unitCode, drafter, reportId, children,
            existing is { Current.Status: ReportStatus.Draft } ? existing.ReasonsToRevise : []);
        payload["title"] = context.GetText(Title) ?? $"Xây dựng báo cáo {plan.Subject} — {unit?.Name ?? unitCode}";
        payload["description"] = deadline is null
            ? $"Soạn báo cáo theo đề cương của kế hoạch {plan.Number ?? plan.Id}, lưu nháp rồi gửi trình tập thể."
            : $"Soạn báo cáo theo đề cương của kế hoạch {plan.Number ?? plan.Id}; thời hạn gửi: {deadline.DisplayText}.";
        if (deadline is not null) payload["dueAt"] = deadline.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var taskId = HumanTasks.Request(context, TaskName, payload);

        context.Properties["taskId"] = taskId;
        context.Properties["planId"] = plan.Id;
        context.Properties["unitCode"] = unitCode;
        context.Properties["reportId"] = reportId.ToString();
        context.Properties["revision"] = 0;
        context.Set(ReportId, reportId.ToString());
        context.Publish(new ReportDraftOpened(context.WorkflowInstanceId, context.Id, plan.Id, level.Key, unitCode, reportId, taskId,
            drafter, children?.ToChildrenTotals(), context.UtcNow));
    }

    public override async ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        var taskId = context.Properties["taskId"]!.GetValue<string>();
        var planId = context.Properties["planId"]!.GetValue<string>();
        var unitCode = context.Properties["unitCode"]!.GetValue<string>();
        var reportId = Guid.Parse(context.Properties["reportId"]!.GetValue<string>());
        var plan = await context.Services.GetRequiredService<IPlanTemplates>().FindAsync(planId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Plan '{planId}' disappeared while its report was being drafted.");
        var report = await context.Services.GetRequiredService<IReportRepository>()
            .FindForInstanceAsync(planId, context.WorkflowInstanceId, unitCode, context.CancellationToken);
        var version = report?.Current.Number ?? 1;

        var answer = DraftAnswer.Read(HumanTasks.Result(resumption));
        var structure = answer.Errors.Count > 0 ? answer.Errors : ReportContentRules.CheckStructure(plan, answer.Draft);
        var errors = answer.Action == DraftAnswer.Submit && structure.Count == 0
            ? ReportContentRules.CheckForSubmission(plan, answer.Draft)
            : structure;
        if (report is not null && report.Current.Status != ReportStatus.Draft)
            errors = [.. errors, new ReportError(ReportError.InvalidTransition,
                $"Báo cáo phiên bản {version} đang ở trạng thái “{ReportStatusNames.Vietnamese(report.Current.Status)}”, không còn là dự thảo.", "status")];

        if (errors.Count > 0)
        {
            Refuse(context, resumption, answer, errors, structure.Count == 0 ? answer.Draft : null, planId, unitCode, reportId, taskId);
            return;
        }
        context.Set(Error, null);
        context.Set(Errors, null);
        if (answer.Action == DraftAnswer.Save)
        {
            var revision = context.Properties["revision"]!.GetValue<int>() + 1;
            context.Properties["revision"] = revision;
            HumanTasks.Wait(context, taskId, TaskName);
            context.AddPayload("Saved", new JsonObject { ["revision"] = revision, ["version"] = version, ["by"] = answer.By, ["at"] = context.UtcNow.ToString("O") });
            context.Publish(new ReportDraftSaved(context.WorkflowInstanceId, context.Id, planId, unitCode, reportId, taskId, version, revision,
                answer.Draft, answer.By, context.UtcNow));
            return;
        }
        context.Set(Version, version);
        HumanTasks.Accepted(context, resumption);
        context.Publish(new ReportDraftSubmitted(context.WorkflowInstanceId, context.Id, planId, unitCode, reportId, taskId, version,
            answer.Draft, answer.By, context.UtcNow));
        context.Complete(SubmittedOutcome);
    }

    private void Refuse(ActivityExecutionContext context, BookmarkResumption resumption, DraftAnswer answer, IReadOnlyList<ReportError> errors,
        ReportDraft? keptDraft, string planId, string unitCode, Guid reportId, string taskId)
    {
        HumanTasks.Wait(context, taskId, TaskName);
        var errorList = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["code"] = e.Code, ["message"] = e.Message }).ToArray());
        context.Set(Error, string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        context.Set(Errors, errorList);
        context.AddPayload("Refused", new JsonObject
        {
            ["action"] = answer.Action, ["by"] = answer.By, ["at"] = context.UtcNow.ToString("O"),
            ["errors"] = errorList.DeepClone(), ["answer"] = HumanTasks.Result(resumption)?.DeepClone(),
        });
        context.Publish(new ReportDraftRefused(context.WorkflowInstanceId, context.Id, planId, unitCode, reportId, taskId, answer.Action,
            errors, keptDraft, answer.By, context.UtcNow));
    }
}
