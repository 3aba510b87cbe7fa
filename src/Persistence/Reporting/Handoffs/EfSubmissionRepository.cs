using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Handoffs;

namespace WorkflowHost.Persistence.Reporting.Handoffs;

public sealed class EfSubmissionRepository(WorkflowHostDbContext db) : ISubmissionRepository
{
    private DbSet<Submission> Submissions => db.Set<Submission>();

    public Task<Submission?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Submissions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Submission>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        await Submissions.Where(s => s.ReportId == reportId).OrderBy(s => s.Attempt).ToListAsync(cancellationToken);

    public Task<Submission?> FindLatestAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        Submissions.Where(s => s.ReportId == reportId).OrderByDescending(s => s.Attempt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Submission>> ListFromUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await Submissions.Where(s => s.FromUnitCode == unitCode).OrderByDescending(s => s.SubmittedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Submission>> ListReceivedByAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await Submissions.Where(s => s.ToUnitCode == unitCode || s.ViaUnitCode == unitCode)
            .OrderByDescending(s => s.SubmittedAt).ToListAsync(cancellationToken);

    public void Add(Submission submission) => db.Add(submission);
}
