namespace WorkflowHost.ReportingChains.Reminders;

public enum EscalationState
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// "Đôn đốc đơn vị X": a task in the inbox of the urging body named by the plan (Văn phòng Tỉnh ủy, Ban Dân vận …)
/// and of the supervising committee, to chase a unit that missed its deadline. Done when the urging body reports it
/// done or when the unit submits; cancelled when the plan no longer needs the report.
/// </summary>
public sealed class EscalationTask
{
    private EscalationTask() { }

    public Guid Id { get; private set; }
    public Guid ScheduleId { get; private set; }
    public string PlanKey { get; private set; } = "";
    public string LaggardUnitCode { get; private set; } = "";
    public string LaggardUnitName { get; private set; } = "";
    public string UrgingBodyCode { get; private set; } = "";
    public string? SupervisingUnitCode { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? Due { get; private set; }
    public EscalationState State { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who closed it; null when it closed because the unit submitted.</summary>
    public string? ClosedBy { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The units in whose inbox the task appears.</summary>
    public IReadOnlyList<string> AssigneeUnitCodes =>
        SupervisingUnitCode is null ? [UrgingBodyCode] : [UrgingBodyCode, SupervisingUnitCode];

    internal static EscalationTask Create(UnitReminderSchedule schedule, string urgingBodyCode,
        string? supervisingUnitCode, DateTimeOffset now, DateTimeOffset? due)
    {
        if (string.IsNullOrWhiteSpace(urgingBodyCode))
            throw new ReminderException("urgingBodyCode", "Thiếu cơ quan đôn đốc.", "urgingBodyCode is required.");
        if (due is { } d && d <= now)
            throw new ReminderException("due", "Hạn xử lý đôn đốc phải sau thời điểm tạo.",
                $"due {d:O} must be after the creation at {now:O}.");
        return new EscalationTask
        {
            Id = Guid.NewGuid(),
            ScheduleId = schedule.Id,
            PlanKey = schedule.PlanKey,
            LaggardUnitCode = schedule.UnitCode,
            LaggardUnitName = schedule.UnitName,
            UrgingBodyCode = urgingBodyCode,
            SupervisingUnitCode = string.IsNullOrWhiteSpace(supervisingUnitCode) ? null : supervisingUnitCode,
            Title = ReminderText.EscalationTitle(schedule.UnitName),
            Description = ReminderText.EscalationDescription(schedule.UnitName, schedule.Subject, schedule.DeadlineLabel),
            CreatedAt = now.ToUniversalTime(),
            Due = due?.ToUniversalTime(),
            State = EscalationState.Open,
        };
    }

    /// <summary>The urging body reports the unit urged.</summary>
    public void Complete(string by, DateTimeOffset at, string? note = null) =>
        Close(EscalationState.Done, RequireActor(by), at, note);

    public void Cancel(string by, DateTimeOffset at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReminderException("reason", "Hủy nhiệm vụ đôn đốc phải nêu lý do.", "Cancelling needs a reason.");
        Close(EscalationState.Cancelled, RequireActor(by), at, reason);
    }

    /// <summary>The laggard submitted: nothing left to urge. Does nothing when the task is already closed.</summary>
    public void OnUnitSubmitted(DateTimeOffset at)
    {
        if (State == EscalationState.Open)
            Close(EscalationState.Done, null, at, ReminderText.ClosedBecauseSubmitted);
    }

    private void Close(EscalationState state, string? by, DateTimeOffset at, string? note)
    {
        if (State != EscalationState.Open)
            throw new ReminderException("state", "Nhiệm vụ đôn đốc đã kết thúc.",
                $"Escalation task {Id} is already {State}.");
        at = at.ToUniversalTime();
        if (at < CreatedAt)
            throw new ReminderException("at", "Thời điểm kết thúc không thể trước thời điểm tạo.",
                $"{at:O} is before the task was created at {CreatedAt:O}.");
        State = state;
        ClosedBy = by;
        ClosedAt = at;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private static string RequireActor(string by) =>
        string.IsNullOrWhiteSpace(by)
            ? throw new ReminderException("by", "Thiếu người thực hiện.", "The acting user is required.")
            : by;
}
