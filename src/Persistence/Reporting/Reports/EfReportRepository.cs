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

    public async Task<Report?> FindForInstanceAsync(string planId, string workflowInstanceId, string unitCode,
        CancellationToken cancellationToken = default) =>
        db.Set<Report>().Local.FirstOrDefault(r => Matches(r, planId, workflowInstanceId, unitCode))
        ?? await Reports.FirstOrDefaultAsync(r => r.PlanId == planId && r.WorkflowInstanceId == workflowInstanceId && r.UnitCode == unitCode,
            cancellationToken);

    public async Task<IReadOnlyList<Report>> ListForInstancesAsync(string planId, IReadOnlyCollection<string> workflowInstanceIds,
        CancellationToken cancellationToken = default) =>
        workflowInstanceIds.Count == 0
            ? []
            : await Reports.Where(r => r.PlanId == planId && workflowInstanceIds.Contains(r.WorkflowInstanceId))
                .OrderBy(r => r.UnitCode).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Report>> ListForPlanAsync(string planId, CancellationToken cancellationToken = default) =>
        await Reports.Where(r => r.PlanId == planId).OrderBy(r => r.UnitCode).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Report>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await Reports.Where(r => r.UnitCode == unitCode).OrderBy(r => r.PlanId).ToListAsync(cancellationToken);

    public void Add(Report report) => db.Add(report);

    private static bool Matches(Report report, string planId, string workflowInstanceId, string unitCode) =>
        report.PlanId == planId && report.WorkflowInstanceId == workflowInstanceId && report.UnitCode == unitCode;
}
