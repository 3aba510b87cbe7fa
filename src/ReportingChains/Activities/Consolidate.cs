using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Tổng hợp báo cáo: for the receiving level, the indicator totals over the accepted reports of the units this chain
/// requested (<see cref="ChildReports"/>), the units still missing, and per outline section the children's texts side
/// by side. The totals go into the running unit's report (created when it has none) through
/// <see cref="ReportsConsolidated"/>, so DraftReport opens a pre-filled draft.
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Tổng hợp số liệu từ các báo cáo đã được thông qua hoặc tiếp nhận của các đơn vị cấp dưới, liệt kê đơn vị chưa báo cáo " +
    "và đặt nội dung từng mục của các đơn vị cạnh nhau; đưa số liệu tổng hợp vào dự thảo báo cáo của đơn vị.",
    DisplayName = "Tổng hợp báo cáo")]
[FlowNode(DoneOutcome)]
public sealed class Consolidate : Activity
{
    public const string DoneOutcome = "Done";

    [Input(DisplayName = "Mã kế hoạch", Order = 1, Description = "Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Cấp báo cáo", Order = 2, Description = "Mã cấp trong kế hoạch của đơn vị tổng hợp. Để trống: đầu vào \"levelKey\" của quy trình.")]
    public Input<string> Level { get; } = new();

    [Input(DisplayName = "Đơn vị tổng hợp", Order = 3, Description = "Để trống: đơn vị đang chạy quy trình (\"unitCode\").")]
    public Input<string> UnitCode { get; } = new();

    [Input(DisplayName = "Các đơn vị cần tổng hợp", Order = 4,
        Description = "Mã đơn vị, cách nhau bởi dấu phẩy. Để trống: các đơn vị mà \"Yêu cầu báo cáo\" của quy trình này đã yêu cầu.")]
    public Input<string> Units { get; } = new();

    [Output(DisplayName = "Số liệu tổng hợp", TypeName = "Object", Description = "{mã chỉ tiêu: tổng}.")]
    public Output<JsonObject> Totals { get; } = new();

    [Output(DisplayName = "Đơn vị chưa báo cáo")]
    public Output<string[]> Missing { get; } = new();

    [Output(DisplayName = "Đơn vị đã báo cáo")]
    public Output<string[]> Reported { get; } = new();

    [Output(DisplayName = "Nội dung các đơn vị theo mục", TypeName = "Object", Description = "{số mục: [{unitCode, text}]}.")]
    public Output<JsonObject> Sections { get; } = new();

    [Output(DisplayName = "Mã báo cáo")]
    public Output<string> ReportId { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var scope = await PlanLevelContext.ReadAsync(context, PlanId, Level);
        var plan = scope.RequirePlan(PlanId.Name);
        var level = scope.Level ?? throw new ActivityInputException(Level.Name,
            $"Thiếu \"{Level.Name}\" (và quy trình không có đầu vào \"levelKey\"): báo cáo tổng hợp cần biết cấp của kế hoạch.",
            $"{Level.Name}: a plan level key is required (the workflow has no input 'levelKey').");
        var unitCode = context.RequireText(UnitCode, ChainInputs.UnitCode);
        var explicitUnits = context.List(Units);
        var expected = explicitUnits.Count > 0 ? explicitUnits : ChildReports.RequestedUnits(context);
        var consolidated = await ChildReports.ConsolidateAsync(context, plan, expected);

        var existing = await context.Services.GetRequiredService<IReportRepository>()
            .FindForInstanceAsync(plan.Id, context.WorkflowInstanceId, unitCode, context.CancellationToken);
        var reportId = existing?.Id ?? ReportIds.For(plan.Id, context.WorkflowInstanceId, unitCode);
        var totals = consolidated?.ToChildrenTotals() ?? new ChildrenTotals(new Dictionary<string, decimal>(), []);
        var reported = consolidated?.Reported.Select(r => r.UnitCode).ToArray() ?? [];
        var missing = consolidated?.Missing.Select(m => m.UnitCode).ToArray() ?? [];

        context.Set(Totals, new JsonObject(totals.Sums.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)JsonValue.Create(s.Value)))));
        context.Set(Reported, reported);
        context.Set(Missing, missing);
        context.Set(Sections, new JsonObject((consolidated?.Sections ?? []).Where(s => s.Texts.Count > 0).Select(s => KeyValuePair.Create(
            s.Section.Number, (JsonNode?)new JsonArray(s.Texts.Select(t => (JsonNode)new JsonObject { ["unitCode"] = t.UnitCode, ["text"] = t.Text }).ToArray())))));
        context.Set(ReportId, reportId.ToString());
        if (consolidated is { LocalIndicatorConflicts.Count: > 0 })
            context.AddPayload("LocalIndicatorConflicts", new JsonArray(consolidated.LocalIndicatorConflicts.Select(c => (JsonNode)c.Code).ToArray()));
        context.Publish(new ReportsConsolidated(context.WorkflowInstanceId, context.Id, plan.Id, level.Key, unitCode, reportId, totals,
            reported, missing, context.UtcNow));
        context.Complete(DoneOutcome);
    }
}
