using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Reminders;

namespace WorkflowHost.Persistence.Reporting.Reminders;

public sealed class EfReminderRepository(WorkflowHostDbContext db) : IReminderRepository
{
    public Task<UnitReminderSchedule?> GetScheduleAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<UnitReminderSchedule>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<UnitReminderSchedule?> FindScheduleAsync(string planKey, string unitCode, CancellationToken cancellationToken = default) =>
        db.Set<UnitReminderSchedule>().FirstOrDefaultAsync(s => s.PlanKey == planKey && s.UnitCode == unitCode, cancellationToken);

    public async Task<IReadOnlyList<UnitReminderSchedule>> ListSchedulesForPlanAsync(string planKey, CancellationToken cancellationToken = default) =>
        await db.Set<UnitReminderSchedule>().Where(s => s.PlanKey == planKey).OrderBy(s => s.UnitCode).ToListAsync(cancellationToken);

    public void AddSchedule(UnitReminderSchedule schedule) => db.Add(schedule);

    public async Task<IReadOnlyList<ReminderNotice>> ListNoticesForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await db.Set<ReminderNotice>().Where(n => n.UnitCode == unitCode).OrderBy(n => n.SentAt).ToListAsync(cancellationToken);

    public void AddNotice(ReminderNotice notice) => db.Add(notice);

    public Task<EscalationTask?> GetEscalationAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<EscalationTask>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<IReadOnlyList<EscalationTask>> ListOpenEscalationsForAsync(string unitCode, CancellationToken cancellationToken = default) =>
        await db.Set<EscalationTask>()
            .Where(t => t.State == EscalationState.Open && (t.UrgingBodyCode == unitCode || t.SupervisingUnitCode == unitCode))
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    public void AddEscalation(EscalationTask task) => db.Add(task);
}
