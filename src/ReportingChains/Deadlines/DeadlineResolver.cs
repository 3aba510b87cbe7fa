using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>
/// Turns a <see cref="DeadlineRule"/> into a <see cref="ResolvedDeadline"/>: each kind names a last day (and maybe a
/// window start), the rule's <see cref="NonWorkingDayPolicy"/> moves it off a day off, and the deadline is the end of
/// that day in Asia/Ho_Chi_Minh.
/// </summary>
public sealed class DeadlineResolver(WorkingDayCalendar calendar)
{
    public async Task<ResolvedDeadline> ResolveAsync(DeadlineRule rule, DeadlineContext? context = null,
        CancellationToken cancellationToken = default)
    {
        context ??= DeadlineContext.None;
        rule.Validate();
        var (day, windowStart) = rule switch
        {
            BeforeDateRule r => (r.Inclusive ? r.Date : r.Date.AddDays(-1), null),
            OnDateRule r => (r.Date, null),
            EndOfMonthRule r => (LastDayOfMonth(r.Year, r.Month), null),
            InMonthRule r => (LastDayOfMonth(r.Year, r.Month), new DateOnly(r.Year, r.Month, 1)),
            InYearRule r => InYear(r),
            RelativeToParentRule r => (await RelativeToParentAsync(r, context, cancellationToken), null),
            SetByParentRule => await ChosenByParentAsync(context, cancellationToken),
            _ => throw new DeadlineRuleException("kind",
                $"Loại quy tắc thời hạn không được hỗ trợ: {rule.GetType().Name}.",
                $"Unsupported deadline rule kind: {rule.GetType().Name}."),
        };

        day = rule.OnNonWorkingDay switch
        {
            NonWorkingDayPolicy.RollForward => await calendar.RollForwardAsync(day, cancellationToken),
            NonWorkingDayPolicy.RollBackward => await calendar.RollBackwardAsync(day, cancellationToken),
            _ => day,
        };

        var resolved = new ResolvedDeadline(rule, day, VietnamTime.EndOfDay(day), windowStart);
        if (rule is SetByParentRule) EnsureNotAfterParent(resolved, context.ParentDeadline!);
        return resolved;
    }

    private async Task<DateOnly> RelativeToParentAsync(RelativeToParentRule rule, DeadlineContext context,
        CancellationToken cancellationToken)
    {
        var parent = RequireParent(context, "relativeToParent");
        return rule.Unit == DayUnit.WorkingDays
            ? await calendar.AddWorkingDaysAsync(parent.LastDay, rule.Offset, cancellationToken)
            : parent.LastDay.AddDays(rule.Offset);
    }

    private async Task<(DateOnly, DateOnly?)> ChosenByParentAsync(DeadlineContext context, CancellationToken cancellationToken)
    {
        var parent = RequireParent(context, "setByParent");
        var chosen = context.ChosenByParent ?? throw new DeadlineRuleException("chosenByParent",
            "Cấp trên chưa quyết định thời hạn cho cấp này.",
            "The parent level has not chosen this level's deadline yet.");
        if (chosen is SetByParentRule)
            throw new DeadlineRuleException("chosenByParent",
                "Thời hạn do cấp trên chọn phải là một thời hạn cụ thể, không thể lại là \"do cấp trên quyết định\".",
                "The deadline chosen by the parent must be a concrete rule, not another set-by-parent rule.");

        var resolved = await ResolveAsync(chosen, new DeadlineContext(parent), cancellationToken);
        return (resolved.LastDay, resolved.WindowStart);
    }

    private static void EnsureNotAfterParent(ResolvedDeadline chosen, ResolvedDeadline parent)
    {
        if (chosen.DueUtc > parent.DueUtc)
            throw new DeadlineRuleException("chosenByParent",
                $"Thời hạn được chọn ({chosen.DisplayText}) muộn hơn thời hạn của cấp trên ({parent.DisplayText}); " +
                "hãy chọn một ngày không muộn hơn thời hạn của cấp trên.",
                $"The chosen deadline (end of {chosen.LastDay:yyyy-MM-dd}) is after the parent's own deadline " +
                $"(end of {parent.LastDay:yyyy-MM-dd}); choose a day no later than the parent's deadline.");
    }

    private static ResolvedDeadline RequireParent(DeadlineContext context, string kind) =>
        context.ParentDeadline ?? throw new DeadlineRuleException("parentDeadline",
            "Quy tắc thời hạn này tính theo thời hạn của cấp trên, nhưng chưa có thời hạn của cấp trên.",
            $"A {kind} deadline needs the parent level's deadline, which was not given.");

    private static (DateOnly, DateOnly?) InYear(InYearRule rule) =>
        (new DateOnly(rule.ThroughYear ?? rule.Year, 12, 31), new DateOnly(rule.Year, 1, 1));

    private static DateOnly LastDayOfMonth(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
}
