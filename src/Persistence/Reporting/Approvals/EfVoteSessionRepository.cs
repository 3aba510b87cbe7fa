using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.Persistence.Reporting.Approvals;

public sealed class EfVoteSessionRepository(WorkflowHostDbContext db) : IVoteSessionRepository
{
    private IQueryable<VoteSession> Sessions => db.Set<VoteSession>().AsSplitQuery();

    public Task<VoteSession?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<VoteSession?> FindAsync(Guid reportId, int reportVersion, CancellationToken cancellationToken = default) =>
        Sessions.FirstOrDefaultAsync(s => s.ReportId == reportId && s.ReportVersion == reportVersion, cancellationToken);

    public async Task<IReadOnlyList<VoteSession>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        await Sessions.Where(s => s.ReportId == reportId).OrderBy(s => s.ReportVersion).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VoteSession>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await Sessions.Where(s => s.UnitCode == unitCode).OrderByDescending(s => s.OpenedAt).ToListAsync(cancellationToken);

    public void Add(VoteSession session) => db.Add(session);
}
