using MediatR;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>
/// Writes the votes of <see cref="CollectiveApproval"/> into the stored <see cref="VoteSession"/> (voters, every ballot,
/// the decision with its minutes) and moves the report voted on to approved or rejected. The handlers run inside the
/// engine's commit and only add or change tracked rows. The activity counted the same ballots with the same domain
/// first, so a refusal here is a bug and fails the commit rather than losing a vote.
/// </summary>
public sealed class VoteSessionHandlers(IVoteSessionRepository sessions, IReportRepository reports) :
    INotificationHandler<VoteRequested>,
    INotificationHandler<VoteCast>,
    INotificationHandler<ApprovalDecided>
{
    public async Task Handle(VoteRequested requested, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(requested.SessionId, cancellationToken) is not null)
            return; // the same commit published twice (a retried burst)
        sessions.Add(VoteSession.Open(requested.ReportId, requested.ReportVersion, requested.UnitCode, requested.Collective, requested.Rule,
            requested.RequestedAt, requested.Deadline, requested.CollectiveTitle, requested.SessionId));
    }

    public async Task Handle(VoteCast cast, CancellationToken cancellationToken) =>
        (await RequireAsync(cast.SessionId, cancellationToken)).Cast(cast.MemberKey, cast.Choice, cast.Comment, cast.CastAt);

    /// <summary>
    /// A session the rule decided closed itself with the ballot that decided it; one still open closed at its deadline.
    /// The report follows the decision when the version voted on is the one submitted to the collective; a
    /// <see cref="ApprovalOutcome.NotDecided"/> vote leaves it submitted.
    /// </summary>
    public async Task Handle(ApprovalDecided decided, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(decided.SessionId, cancellationToken);
        if (session.State == VoteSessionState.Open)
            session.Close(decided.Decision.DecidedAt);

        var report = await reports.GetAsync(decided.ReportId, cancellationToken);
        if (report is null || report.Current.Number != decided.ReportVersion || report.Current.Status != ReportStatus.Submitted)
            return;
        var by = $"Tập thể {session.CollectiveTitle}";
        var result = decided.Decision.Outcome switch
        {
            ApprovalOutcome.Approved => report.MarkApproved(by, decided.Decision.DecidedAt, decided.Decision.Minutes?.Summary(
                Calendar.VietnamTime.DateOf(decided.Decision.DecidedAt))),
            ApprovalOutcome.Rejected => report.MarkRejected(by, decided.Decision.DecidedAt, RejectionComments(decided.Decision)),
            _ => ReportResult.Ok(),
        };
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not record the vote {session.Id} on report {report.Id}: " +
                string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>The members' comments for the drafters; without any, the tally says why it was not passed.</summary>
    public static IReadOnlyList<string> RejectionComments(ApprovalDecision decision) =>
        decision.Comments.Count > 0
            ? decision.Comments.Select(c => $"{c.PersonName}: {c.Text}").ToList()
            : [$"Không được thông qua: {decision.Tally.Describe()}."];

    private async Task<VoteSession> RequireAsync(Guid id, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Vote session {id} is not stored: CollectiveApproval opens it first (VoteRequested).");
}
