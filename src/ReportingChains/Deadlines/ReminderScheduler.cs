using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>One reminder: its offset, the local day it falls on and the instant (UTC) to send it.
/// <see cref="IsAfterDeadline"/> tells an urging "you are late" from a "deadline approaching".</summary>
public sealed record ScheduledReminder(ReminderOffset Offset, DateOnly Day, DateTimeOffset AtUtc, bool IsAfterDeadline);

/// <summary>The reminders still to send (in time order, one per instant), those whose time has already passed, and
/// the escalation instant (which may itself be past: then escalate at once).</summary>
public sealed record ReminderSchedule(
    IReadOnlyList<ScheduledReminder> Reminders,
    IReadOnlyList<ScheduledReminder> Skipped,
    DateTimeOffset EscalationUtc);

/// <summary>Computes when the reminders and the escalation of a <see cref="ReminderPlan"/> fall for a resolved
/// deadline. Pure computation: the engine creates the durable timers.</summary>
public sealed class ReminderScheduler(WorkingDayCalendar calendar, TimeProvider timeProvider)
{
    public async Task<ReminderSchedule> ScheduleAsync(ReminderPlan plan, ResolvedDeadline deadline,
        CancellationToken cancellationToken = default)
    {
        if (plan.EscalateAfter.Days < 1)
            throw new DeadlineRuleException("escalateAfter",
                $"Thời gian chờ trước khi đôn đốc ({plan.EscalateAfter}) phải sau thời hạn ít nhất 1 ngày.",
                $"The escalation grace period ({plan.EscalateAfter}) must be at least one day after the deadline.");

        var now = timeProvider.GetUtcNow();
        var all = new List<ScheduledReminder>();
        foreach (var offset in plan.Offsets)
        {
            var day = await DayAtAsync(deadline.LastDay, offset, cancellationToken);
            var at = VietnamTime.At(day, plan.TimeOfDay);
            all.Add(new ScheduledReminder(offset, day, at, IsAfterDeadline: at >= deadline.DueUtc));
        }

        var ordered = all.OrderBy(r => r.AtUtc).DistinctBy(r => r.AtUtc).ToList();
        var escalationDay = await DayAtAsync(deadline.LastDay, plan.EscalateAfter, cancellationToken);
        return new ReminderSchedule(
            ordered.Where(r => r.AtUtc > now).ToList(),
            ordered.Where(r => r.AtUtc <= now).ToList(),
            VietnamTime.At(escalationDay, plan.TimeOfDay));
    }

    private async ValueTask<DateOnly> DayAtAsync(DateOnly lastDay, ReminderOffset offset, CancellationToken cancellationToken) =>
        offset.Unit == DayUnit.WorkingDays
            ? await calendar.AddWorkingDaysAsync(lastDay, offset.Days, cancellationToken)
            : lastDay.AddDays(offset.Days);
}
