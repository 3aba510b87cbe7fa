namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>Submissions (each attempt one row, linked to the one before). Nothing here saves.</summary>
public interface ISubmissionRepository
{
    Task<Submission?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The chain of attempts of a report, first attempt first.</summary>
    Task<IReadOnlyList<Submission>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default);

    /// <summary>The latest attempt of a report, if it was ever submitted.</summary>
    Task<Submission?> FindLatestAsync(Guid reportId, CancellationToken cancellationToken = default);

    /// <summary>What a unit has sent (as <see cref="Submission.FromUnitCode"/>), newest first.</summary>
    Task<IReadOnlyList<Submission>> ListFromUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>What a body has to receive, as recipient or as via body, newest first.</summary>
    Task<IReadOnlyList<Submission>> ListReceivedByAsync(string unitCode, CancellationToken cancellationToken = default);

    void Add(Submission submission);
}
