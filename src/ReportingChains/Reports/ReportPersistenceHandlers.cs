using MediatR;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// Writes what DraftReport and Consolidate decided into the Report rows. The handlers run inside the engine's commit
/// and only add or change tracked rows, so a report and the chain that drafted it never disagree. The activities
/// checked the answer against the same rules and the same report first; a domain refusal here is a bug and fails the
/// commit rather than losing a draft silently.
/// </summary>
public sealed class ReportPersistenceHandlers(IReportRepository reports, IPlanTemplates plans) :
    INotificationHandler<ReportDraftOpened>,
    INotificationHandler<ReportsConsolidated>,
    INotificationHandler<ReportDraftSaved>,
    INotificationHandler<ReportDraftRefused>,
    INotificationHandler<ReportDraftSubmitted>
{
    /// <summary>Who opens reports and records children's totals: the chain, not a person.</summary>
    public const string ChainActor = "system";

    public async Task Handle(ReportDraftOpened opened, CancellationToken cancellationToken)
    {
        var report = await OpenAsync(opened.PlanId, opened.WorkflowInstanceId, opened.UnitCode, opened.LevelKey, opened.ReportId, opened.OpenedAt,
            cancellationToken);
        if (opened.ChildrenTotals is { } totals)
            await ApplyAsync(report, totals, opened.OpenedAt, cancellationToken);
    }

    public async Task Handle(ReportsConsolidated consolidated, CancellationToken cancellationToken)
    {
        var report = await OpenAsync(consolidated.PlanId, consolidated.WorkflowInstanceId, consolidated.UnitCode, consolidated.LevelKey,
            consolidated.ReportId, consolidated.ConsolidatedAt, cancellationToken);
        await ApplyAsync(report, consolidated.Totals, consolidated.ConsolidatedAt, cancellationToken);
    }

    public async Task Handle(ReportDraftSaved saved, CancellationToken cancellationToken)
    {
        var report = await RequireAsync(saved.PlanId, saved.WorkflowInstanceId, saved.UnitCode, cancellationToken);
        Ensure(report.SaveDraft(await PlanAsync(saved.PlanId, cancellationToken), saved.Draft, saved.SavedBy, saved.SavedAt), "save the draft of", report);
    }

    /// <summary>A refused answer whose content can be stored is kept as the draft: nothing the drafter typed is lost.</summary>
    public async Task Handle(ReportDraftRefused refused, CancellationToken cancellationToken)
    {
        if (refused.KeptDraft is null) return;
        var report = await RequireAsync(refused.PlanId, refused.WorkflowInstanceId, refused.UnitCode, cancellationToken);
        if (report.Current.Status != ReportStatus.Draft) return;
        Ensure(report.SaveDraft(await PlanAsync(refused.PlanId, cancellationToken), refused.KeptDraft, refused.By, refused.RefusedAt),
            "keep the refused draft of", report);
    }

    public async Task Handle(ReportDraftSubmitted submitted, CancellationToken cancellationToken)
    {
        var report = await RequireAsync(submitted.PlanId, submitted.WorkflowInstanceId, submitted.UnitCode, cancellationToken);
        var plan = await PlanAsync(submitted.PlanId, cancellationToken);
        Ensure(report.SaveDraft(plan, submitted.Draft, submitted.SubmittedBy, submitted.SubmittedAt), "save the submitted draft of", report);
        Ensure(report.Submit(plan, submitted.SubmittedBy, submitted.SubmittedAt), "submit", report);
    }

    private async Task<Report> OpenAsync(string planId, string instanceId, string unitCode, string levelKey, Guid reportId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (await reports.FindForInstanceAsync(planId, instanceId, unitCode, cancellationToken) is { } existing) return existing;
        var report = Report.Start(reportId, planId, instanceId, unitCode, levelKey, ChainActor, at);
        reports.Add(report);
        return report;
    }

    /// <summary>Children's totals go into a draft only; a version already submitted keeps the figures it was submitted with.</summary>
    private async Task ApplyAsync(Report report, ChildrenTotals totals, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (report.Current.Status != ReportStatus.Draft) return;
        Ensure(report.ApplyChildrenTotals(await PlanAsync(report.PlanId, cancellationToken), totals, ChainActor, at), "apply the children's totals to", report);
    }

    private async Task<Report> RequireAsync(string planId, string instanceId, string unitCode, CancellationToken cancellationToken) =>
        await reports.FindForInstanceAsync(planId, instanceId, unitCode, cancellationToken)
        ?? throw new InvalidOperationException($"No report of unit {unitCode} for plan {planId} in instance {instanceId}: DraftReport opens it first.");

    private async Task<PlanTemplate> PlanAsync(string planId, CancellationToken cancellationToken) =>
        await plans.FindAsync(planId, cancellationToken) ?? throw new InvalidOperationException($"Plan '{planId}' is not registered.");

    private static void Ensure(ReportResult result, string action, Report report)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {action} report {report.Id} ({report.UnitCode}, plan {report.PlanId}): " +
                string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
