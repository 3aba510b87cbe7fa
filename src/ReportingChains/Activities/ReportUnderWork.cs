using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// The report version a chain activity acts on (the one voted on, the one handed upward): the <c>ReportId</c> /
/// <c>ReportVersion</c> inputs when given, else the running unit's report in this chain (plan + instance + unit, the
/// one DraftReport opened) at its current version.
/// </summary>
internal sealed record ReportUnderWork(Guid Id, int Version)
{
    public static async Task<ReportUnderWork> ReadAsync(ActivityExecutionContext context, Input<string> idInput, Input<int> versionInput,
        string? planId, string unitCode)
    {
        var reports = context.Services.GetService<IReportRepository>();
        Report? report = null;
        Guid id;
        if (context.GetText(idInput) is { } text)
        {
            if (!Guid.TryParse(text, out id))
                throw new ActivityInputException(idInput.Name, $"\"{idInput.Name}\" phải là mã báo cáo (GUID), nhận được \"{text}\".",
                    $"{idInput.Name}: \"{text}\" is not a report id (GUID).");
        }
        else
        {
            if (planId is not null && reports is not null)
                report = await reports.FindForInstanceAsync(planId, context.WorkflowInstanceId, unitCode, context.CancellationToken);
            id = report?.Id ?? throw new ActivityInputException(idInput.Name,
                $"Chưa có báo cáo của đơn vị \"{unitCode}\" trong quy trình này: đặt \"Xây dựng báo cáo\" trước, hoặc nhập \"{idInput.Name}\".",
                $"{idInput.Name}: unit {unitCode} has no report in this chain (plan '{planId}'); draft one first or give the report id.");
        }

        var version = context.Get(versionInput);
        if (version > 0) return new ReportUnderWork(id, version);
        report ??= reports is null ? null : await reports.GetAsync(id, context.CancellationToken);
        return report is null
            ? throw new ActivityInputException(versionInput.Name,
                $"Không tìm thấy báo cáo {id} để lấy phiên bản hiện tại; hãy nhập \"{versionInput.Name}\".",
                $"{versionInput.Name}: report {id} was not found to take its current version from; give the version.")
            : new ReportUnderWork(id, report.Current.Number);
    }
}
