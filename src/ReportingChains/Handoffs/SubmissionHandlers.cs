using MediatR;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>
/// Writes the hand-offs of <see cref="SubmitReport"/>: a <see cref="Submission"/> per attempt (a resubmission linked to
/// the returned one), its receipt or return, and the report's matching status (received, or returned with a new draft
/// version). Inside the engine's commit; only tracked rows change.
/// </summary>
public sealed class SubmissionHandlers(ISubmissionRepository submissions, IReportRepository reports) :
    INotificationHandler<ReportSubmittedUpward>,
    INotificationHandler<ReportReceived>,
    INotificationHandler<ReportReturned>
{
    public async Task Handle(ReportSubmittedUpward submitted, CancellationToken cancellationToken)
    {
        var latest = await submissions.FindLatestAsync(submitted.ReportId, cancellationToken);
        if (latest is not null && latest.Attempt >= submitted.Attempt)
            return; // the same commit published twice (a retried burst)
        submissions.Add(submitted.PreviousSubmissionId is null
            ? Submission.Submit(submitted.Route, submitted.ReportId, submitted.ReportVersion, submitted.SubmittedBy, submitted.SubmittedAt, submitted.Deadline)
            : latest!.Resubmit(submitted.ReportVersion, submitted.SubmittedBy, submitted.SubmittedAt, submitted.Deadline));
    }

    public async Task Handle(ReportReceived received, CancellationToken cancellationToken)
    {
        (await LatestAsync(received.ReportId, cancellationToken)).Acknowledge(received.ReceivedBy, received.ReceivedAt);
        if (await ApprovedReportAsync(received.ReportId, received.ReportVersion, cancellationToken) is { } report)
            Ensure(report.MarkReceived(received.ReceivedBy, received.ReceivedAt, received.Comment), report);
    }

    public async Task Handle(ReportReturned returned, CancellationToken cancellationToken)
    {
        (await LatestAsync(returned.ReportId, cancellationToken)).Return(returned.ReturnedBy, returned.ReturnedAt, returned.Reasons);
        if (await ApprovedReportAsync(returned.ReportId, returned.ReportVersion, cancellationToken) is { } report)
            Ensure(report.Return(returned.ReturnedBy, returned.ReturnedAt, returned.Reasons), report);
    }

    private async Task<Submission> LatestAsync(Guid reportId, CancellationToken cancellationToken) =>
        await submissions.FindLatestAsync(reportId, cancellationToken)
        ?? throw new InvalidOperationException($"Report {reportId} has no submission: SubmitReport records it first (ReportSubmittedUpward).");

    /// <summary>The report follows its hand-off when the version handed over is its approved current one.</summary>
    private async Task<Report?> ApprovedReportAsync(Guid reportId, int version, CancellationToken cancellationToken) =>
        await reports.GetAsync(reportId, cancellationToken) is { } report && report.Current.Number == version && report.Current.Status == ReportStatus.Approved
            ? report
            : null;

    private static void Ensure(ReportResult result, Report report)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not record the hand-off of report {report.Id}: " +
                string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
