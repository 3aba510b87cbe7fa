namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// Reports with all their versions. Nothing here saves: the caller's unit of work (a command's transaction or the
/// engine's commit) writes what was added or changed.
/// </summary>
public interface IReportRepository
{
    Task<Report?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The report of <paramref name="unitCode"/> in one run of its chain (workflow instance).</summary>
    Task<Report?> FindAsync(string workflowInstanceId, string unitCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The report of <paramref name="unitCode"/> for plan <paramref name="planId"/> in the chain instance
    /// <paramref name="workflowInstanceId"/> — the report the chain activities act on. A report added earlier in the
    /// same unit of work (not saved yet) is found too, so two handlers of one engine commit never create it twice.
    /// </summary>
    Task<Report?> FindForInstanceAsync(string planId, string workflowInstanceId, string unitCode, CancellationToken cancellationToken = default);

    /// <summary>The reports of plan <paramref name="planId"/> kept by any of the given chain instances (a level's children).</summary>
    Task<IReadOnlyList<Report>> ListForInstancesAsync(string planId, IReadOnlyCollection<string> workflowInstanceIds, CancellationToken cancellationToken = default);

    /// <summary>Every unit's report for a plan, by unit code.</summary>
    Task<IReadOnlyList<Report>> ListForPlanAsync(string planId, CancellationToken cancellationToken = default);

    /// <summary>A unit's reports across plans.</summary>
    Task<IReadOnlyList<Report>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    void Add(Report report);
}
