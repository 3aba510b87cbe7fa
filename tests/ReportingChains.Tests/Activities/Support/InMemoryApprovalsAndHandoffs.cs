using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.ReportingChains.Tests.Activities.Support;

/// <summary>
/// The vote, hand-off and reminder repositories over objects held in memory. Handlers change the objects in place, so
/// what a commit's handlers did is what the next burst reads — as with the database once the commit is saved.
/// </summary>
public abstract class InMemoryRows<T>
{
    private readonly List<T> _rows = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<T> All { get { lock (_gate) return _rows.ToList(); } }

    public void Add(T row)
    {
        lock (_gate) _rows.Add(row);
    }

    protected Task<T?> Find(Func<T, bool> match)
    {
        lock (_gate) return Task.FromResult(_rows.FirstOrDefault(match));
    }

    protected Task<IReadOnlyList<T>> List(Func<T, bool> match)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<T>>(_rows.Where(match).ToList());
    }
}

public sealed class InMemoryVoteSessions : InMemoryRows<VoteSession>, IVoteSessionRepository
{
    public Task<VoteSession?> GetAsync(Guid id, CancellationToken cancellationToken = default) => Find(s => s.Id == id);

    public Task<VoteSession?> FindAsync(Guid reportId, int reportVersion, CancellationToken cancellationToken = default) =>
        Find(s => s.ReportId == reportId && s.ReportVersion == reportVersion);

    public async Task<IReadOnlyList<VoteSession>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        (await List(s => s.ReportId == reportId)).OrderBy(s => s.ReportVersion).ToList();

    public async Task<IReadOnlyList<VoteSession>> ListForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        (await List(s => s.UnitCode == unitCode)).OrderByDescending(s => s.OpenedAt).ToList();
}

public sealed class InMemorySubmissions : InMemoryRows<Submission>, ISubmissionRepository
{
    public Task<Submission?> GetAsync(Guid id, CancellationToken cancellationToken = default) => Find(s => s.Id == id);

    public async Task<IReadOnlyList<Submission>> ListForReportAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        (await List(s => s.ReportId == reportId)).OrderBy(s => s.Attempt).ToList();

    public async Task<Submission?> FindLatestAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        (await ListForReportAsync(reportId, cancellationToken)).LastOrDefault();

    public async Task<IReadOnlyList<Submission>> ListFromUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        (await List(s => s.FromUnitCode == unitCode)).OrderByDescending(s => s.SubmittedAt).ToList();

    public async Task<IReadOnlyList<Submission>> ListReceivedByAsync(string unitCode, CancellationToken cancellationToken = default) =>
        (await List(s => s.ToUnitCode == unitCode || s.ViaUnitCode == unitCode)).OrderByDescending(s => s.SubmittedAt).ToList();
}

public sealed class InMemoryReminders : IReminderRepository
{
    private sealed class Schedules : InMemoryRows<UnitReminderSchedule>
    {
        public Task<UnitReminderSchedule?> Where(Func<UnitReminderSchedule, bool> match) => Find(match);
        public Task<IReadOnlyList<UnitReminderSchedule>> ListWhere(Func<UnitReminderSchedule, bool> match) => List(match);
    }

    private sealed class Notices : InMemoryRows<ReminderNotice>
    {
        public Task<IReadOnlyList<ReminderNotice>> ListWhere(Func<ReminderNotice, bool> match) => List(match);
    }

    private sealed class Escalations : InMemoryRows<EscalationTask>
    {
        public Task<EscalationTask?> Where(Func<EscalationTask, bool> match) => Find(match);
        public Task<IReadOnlyList<EscalationTask>> ListWhere(Func<EscalationTask, bool> match) => List(match);
    }

    private readonly Schedules _schedules = new();
    private readonly Notices _notices = new();
    private readonly Escalations _escalations = new();

    public IReadOnlyList<UnitReminderSchedule> AllSchedules => _schedules.All;
    public IReadOnlyList<ReminderNotice> AllNotices => _notices.All;
    public IReadOnlyList<EscalationTask> AllEscalations => _escalations.All;

    public Task<UnitReminderSchedule?> GetScheduleAsync(Guid id, CancellationToken cancellationToken = default) => _schedules.Where(s => s.Id == id);

    public Task<UnitReminderSchedule?> FindScheduleAsync(string planKey, string unitCode, CancellationToken cancellationToken = default) =>
        _schedules.Where(s => s.PlanKey == planKey && s.UnitCode == unitCode);

    public Task<IReadOnlyList<UnitReminderSchedule>> ListSchedulesForPlanAsync(string planKey, CancellationToken cancellationToken = default) =>
        _schedules.ListWhere(s => s.PlanKey == planKey);

    public void AddSchedule(UnitReminderSchedule schedule) => _schedules.Add(schedule);

    public Task<IReadOnlyList<ReminderNotice>> ListNoticesForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        _notices.ListWhere(n => n.UnitCode == unitCode);

    public void AddNotice(ReminderNotice notice) => _notices.Add(notice);

    public Task<EscalationTask?> GetEscalationAsync(Guid id, CancellationToken cancellationToken = default) => _escalations.Where(t => t.Id == id);

    public Task<IReadOnlyList<EscalationTask>> ListOpenEscalationsForAsync(string unitCode, CancellationToken cancellationToken = default) =>
        _escalations.ListWhere(t => t.State == EscalationState.Open && (t.UrgingBodyCode == unitCode || t.SupervisingUnitCode == unitCode));

    public void AddEscalation(EscalationTask task) => _escalations.Add(task);
}
