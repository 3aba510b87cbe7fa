namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>Vote sessions with their voters and every ballot. Nothing here saves (see the caller's unit of work).</summary>
public interface IVoteSessionRepository
{
    Task<VoteSession?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The session on one version of a report, if one was opened.</summary>
    Task<VoteSession?> FindAsync(Guid reportId, int reportVersion, CancellationToken cancellationToken = default);

    /// <summary>Every session on a report, oldest version first.</summary>
    Task<IReadOnlyList<VoteSession>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default);

    /// <summary>A unit's sessions, newest first.</summary>
    Task<IReadOnlyList<VoteSession>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    void Add(VoteSession session);
}
