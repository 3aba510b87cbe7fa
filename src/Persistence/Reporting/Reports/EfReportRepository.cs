using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Persistence.Reporting.Reports;

public sealed class EfReportRepository(WorkflowHostDbContext db) : IReportRepository
{
    // Versions and their four kinds of rows are owned (always loaded); split queries avoid one row per combination.
    private IQueryable<Report> Reports => db.Set<Report>().AsSplitQuery();

    public Task<Report?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<Report?> FindAsync(string workflowInstanceId, string unitCode, CancellationToken cancellationToken = default) =>
        Reports.FirstOrDefaultAsync(r => r.WorkflowInstanceId == workflowInstanceId && r.UnitCode == unitCode, cancellationToken);

    public async Task<IReadOnlyList<Report>> ListForPlanAsync(string planId, CancellationToken cancellationToken = default) =>
        await Reports.Where(r => r.PlanId == planId).OrderBy(r => r.UnitCode).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Report>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await Reports.Where(r => r.UnitCode == unitCode).OrderBy(r => r.PlanId).ToListAsync(cancellationToken);

    public void Add(Report report) => db.Add(report);
}
