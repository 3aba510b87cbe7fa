using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Tests.Activities.Support;

/// <summary>
/// <see cref="IReportRepository"/> over reports held in memory. Handlers change the report objects in place, so what a
/// commit's handlers did is what the next burst reads — as with the database once the commit is saved.
/// </summary>
public sealed class InMemoryReports : IReportRepository
{
    private readonly List<Report> _reports = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Report> All { get { lock (_gate) return _reports.ToList(); } }

    public Task<Report?> GetAsync(Guid id, CancellationToken cancellationToken = default) => Find(r => r.Id == id);

    public Task<Report?> FindAsync(string workflowInstanceId, string unitCode, CancellationToken cancellationToken = default) =>
        Find(r => r.WorkflowInstanceId == workflowInstanceId && r.UnitCode == unitCode);

    public Task<Report?> FindForInstanceAsync(string planId, string workflowInstanceId, string unitCode, CancellationToken cancellationToken = default) =>
        Find(r => r.PlanId == planId && r.WorkflowInstanceId == workflowInstanceId && r.UnitCode == unitCode);

    public Task<IReadOnlyList<Report>> ListForInstancesAsync(string planId, IReadOnlyCollection<string> workflowInstanceIds, CancellationToken cancellationToken = default) =>
        List(r => r.PlanId == planId && workflowInstanceIds.Contains(r.WorkflowInstanceId));

    public Task<IReadOnlyList<Report>> ListForPlanAsync(string planId, CancellationToken cancellationToken = default) => List(r => r.PlanId == planId);

    public Task<IReadOnlyList<Report>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default) => List(r => r.UnitCode == unitCode);

    public void Add(Report report)
    {
        lock (_gate) _reports.Add(report);
    }

    private Task<Report?> Find(Func<Report, bool> match)
    {
        lock (_gate) return Task.FromResult(_reports.FirstOrDefault(match));
    }

    private Task<IReadOnlyList<Report>> List(Func<Report, bool> match)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Report>>(_reports.Where(match).OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList());
    }
}
