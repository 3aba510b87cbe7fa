namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>
/// The reminders (nhắc việc) and the escalation (đôn đốc) of one unit for one deadline of a plan level. The instants
/// are computed elsewhere (from the deadline and the plan's offsets) and given here; this aggregate keeps what was
/// sent, what is still pending, and the rule that a unit that submits cancels its pending reminders and is not
/// escalated.
/// </summary>
public sealed class UnitReminderSchedule
{
    private readonly List<PlannedReminder> _reminders = [];

    private UnitReminderSchedule() { }

    public Guid Id { get; private set; }

    /// <summary>The plan (and level) the deadline belongs to, as the caller identifies it (e.g. "002/huyen").</summary>
    public string PlanKey { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";

    /// <summary>What the unit must hand in, as it reads after "gửi": "báo cáo sơ kết 10 năm thực hiện Chỉ thị 14".</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The first late instant.</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>The deadline as the plan writes it for people: "30/9/2022".</summary>
    public string DeadlineLabel { get; private set; } = "";

    public IReadOnlyList<PlannedReminder> Reminders => _reminders;

    /// <summary>When a unit that still has not submitted is escalated; null = the plan does not escalate.</summary>
    public DateTimeOffset? EscalationAt { get; private set; }
    public Guid? EscalationTaskId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    public static UnitReminderSchedule Plan(string planKey, string unitCode, string unitName, string subject,
        DateTimeOffset deadline, string deadlineLabel, IEnumerable<ReminderTime> times, DateTimeOffset? escalationAt)
    {
        Require(planKey, "planKey");
        Require(unitCode, "unitCode");
        Require(unitName, "unitName");
        Require(subject, "subject");
        Require(deadlineLabel, "deadlineLabel");
        var ordered = times.OrderBy(t => t.At).ToList();
        if (ordered.GroupBy(t => t.At).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ReminderException("times", "Hai lần nhắc việc trùng thời điểm.",
                $"Two reminders fall on the same instant {twice.Key:O}.");
        if (escalationAt is { } e && e <= deadline)
            throw new ReminderException("escalationAt", "Chỉ đôn đốc sau khi đã quá hạn.",
                $"escalationAt {e:O} must be after the deadline {deadline:O}.");

        var schedule = new UnitReminderSchedule
        {
            Id = Guid.NewGuid(),
            PlanKey = planKey,
            UnitCode = unitCode,
            UnitName = unitName,
            Subject = subject,
            Deadline = deadline.ToUniversalTime(),
            DeadlineLabel = deadlineLabel,
            EscalationAt = escalationAt?.ToUniversalTime(),
        };
        schedule._reminders.AddRange(ordered.Select(t => new PlannedReminder(t)));
        return schedule;
    }

    /// <summary>The pending reminders whose time has come, earliest first.</summary>
    public IReadOnlyList<PlannedReminder> DueAt(DateTimeOffset now) =>
        _reminders.Where(r => r.State == ReminderState.Pending && r.DueAt <= now).OrderBy(r => r.DueAt).ToList();

    /// <summary>The next pending reminder instant, for the timer; null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt =>
        _reminders.Where(r => r.State == ReminderState.Pending).Select(r => (DateTimeOffset?)r.DueAt).Min();

    /// <summary>Sends a due reminder to the unit's drafters and head: marks it sent and returns the notice to deliver.</summary>
    public ReminderNotice Send(Guid reminderId, IReadOnlyList<ReminderRecipient> recipients, ReminderChannel channel,
        DateTimeOffset now)
    {
        var reminder = _reminders.FirstOrDefault(r => r.Id == reminderId)
                       ?? throw new ReminderException("reminderId", "Không tìm thấy lần nhắc việc.",
                           $"Reminder {reminderId} is not part of schedule {Id}.");
        if (reminder.State != ReminderState.Pending)
            throw new ReminderException("reminderId", "Lần nhắc việc này đã được gửi hoặc đã hủy.",
                $"Reminder {reminderId} is {reminder.State}, not pending.");
        now = now.ToUniversalTime();
        if (now < reminder.DueAt)
            throw new ReminderException("now", "Chưa đến thời điểm nhắc việc.",
                $"Reminder {reminderId} is due at {reminder.DueAt:O}, not yet at {now:O}.");
        if (recipients.Count == 0)
            throw new ReminderException("recipients", $"{UnitName} không có chuyên viên hay thủ trưởng nào để nhận nhắc việc.",
                $"No recipients for the reminder of {UnitCode}.");

        reminder.MarkSent(now);
        return new ReminderNotice(this, reminder, recipients, channel, now);
    }

    /// <summary>The unit submitted: its pending reminders are cancelled and it will not be escalated. Repeating it
    /// (a retried command, a resubmission after a return) changes nothing. Returns how many reminders were cancelled.</summary>
    public int OnSubmitted(DateTimeOffset at)
    {
        if (SubmittedAt is not null) return 0;
        SubmittedAt = at.ToUniversalTime();
        var pending = _reminders.Where(r => r.State == ReminderState.Pending).ToList();
        pending.ForEach(r => r.Cancel(SubmittedAt.Value));
        return pending.Count;
    }

    public bool IsEscalationDue(DateTimeOffset now) =>
        SubmittedAt is null && EscalationTaskId is null && EscalationAt is { } at && at <= now;

    /// <summary>Escalates the laggard: an "Đôn đốc đơn vị X" task for the urging body and the supervising committee.</summary>
    public EscalationTask Escalate(string urgingBodyCode, string? supervisingUnitCode, DateTimeOffset now, DateTimeOffset? due)
    {
        if (!IsEscalationDue(now))
            throw new ReminderException("now", "Không cần đôn đốc: đơn vị đã gửi báo cáo, đã được đôn đốc hoặc chưa đến thời điểm.",
                $"Escalation of {UnitCode} is not due at {now:O} (submitted {SubmittedAt:O}, escalated {EscalationTaskId}, at {EscalationAt:O}).");
        var task = EscalationTask.Create(this, urgingBodyCode, supervisingUnitCode, now, due);
        EscalationTaskId = task.Id;
        return task;
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ReminderException(field, $"Thiếu thông tin bắt buộc ({field}).", $"{field} is required.");
    }
}
