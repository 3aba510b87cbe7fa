namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>
/// Reminder schedules (with their planned reminders), the notices sent and the escalation tasks raised.
/// Nothing here saves (see the caller's unit of work).
/// </summary>
public interface IReminderRepository
{
    Task<UnitReminderSchedule?> GetScheduleAsync(Guid id, CancellationToken cancellationToken = default);

    Task<UnitReminderSchedule?> FindScheduleAsync(string planKey, string unitCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UnitReminderSchedule>> ListSchedulesForPlanAsync(string planKey, CancellationToken cancellationToken = default);

    void AddSchedule(UnitReminderSchedule schedule);

    /// <summary>Notices sent to a unit, oldest first.</summary>
    Task<IReadOnlyList<ReminderNotice>> ListNoticesForUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    void AddNotice(ReminderNotice notice);

    Task<EscalationTask?> GetEscalationAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Open escalation tasks assigned to a unit (as urging body or supervising unit).</summary>
    Task<IReadOnlyList<EscalationTask>> ListOpenEscalationsForAsync(string unitCode, CancellationToken cancellationToken = default);

    void AddEscalation(EscalationTask task);
}
