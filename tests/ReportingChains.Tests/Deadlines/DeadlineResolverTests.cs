using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Tests.Deadlines;

public class DeadlineResolverTests
{
    private readonly DeadlineResolver _resolver = new(new WorkingDayCalendar(new InMemoryHolidayOverrideSource()));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private Task<ResolvedDeadline> Resolve(string phrase, DeadlineContext? context = null) =>
        _resolver.ResolveAsync(DeadlinePhraseParser.Parse(phrase), context);

    [Fact]
    public async Task Before_a_date_is_due_at_the_end_of_the_previous_day_in_Vietnam()
    {
        var deadline = await Resolve("trước ngày 30/9/2022");

        Assert.Equal(D(2022, 9, 29), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero), deadline.DueUtc);
        Assert.Equal(TimeSpan.Zero, deadline.DueUtc.Offset);
        Assert.Equal(new DateTimeOffset(2022, 9, 30, 0, 0, 0, TimeSpan.FromHours(7)), deadline.DueLocal);
        Assert.Equal(TimeSpan.FromHours(7), deadline.DueLocal.Offset);
        Assert.Equal("hết ngày 29/09/2022", deadline.DisplayText);
        Assert.Null(deadline.WindowStart);
        Assert.False(deadline.IsOverdueAt(new DateTimeOffset(2022, 9, 29, 23, 59, 0, TimeSpan.FromHours(7))));
        Assert.True(deadline.IsOverdueAt(new DateTimeOffset(2022, 9, 30, 0, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public async Task Before_a_date_inclusive_is_due_at_the_end_of_that_day()
    {
        var deadline = await Resolve("đến hết ngày 30/9/2022");
        Assert.Equal(D(2022, 9, 30), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2022, 9, 30, 17, 0, 0, TimeSpan.Zero), deadline.DueUtc);
    }

    [Fact]
    public async Task A_last_day_on_a_weekend_is_kept_or_rolled_as_the_rule_says()
    {
        var rule = new BeforeDateRule(D(2019, 3, 10)); // last day Saturday 9/3/2019
        Assert.Equal(D(2019, 3, 9), (await _resolver.ResolveAsync(rule)).LastDay);
        Assert.Equal(D(2019, 3, 8),
            (await _resolver.ResolveAsync(rule with { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward })).LastDay);
        Assert.Equal(D(2019, 3, 11),
            (await _resolver.ResolveAsync(rule with { OnNonWorkingDay = NonWorkingDayPolicy.RollForward })).LastDay);
    }

    [Fact]
    public async Task End_of_month_is_its_last_day_or_its_last_working_day()
    {
        Assert.Equal(D(2019, 3, 31), (await Resolve("cuối tháng 3/2019")).LastDay); // a Sunday
        var lastWorkingDay = await _resolver.ResolveAsync(
            new EndOfMonthRule(2019, 3) { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward });
        Assert.Equal(D(2019, 3, 29), lastWorkingDay.LastDay);
        Assert.Equal(new DateTimeOffset(2019, 3, 29, 17, 0, 0, TimeSpan.Zero), lastWorkingDay.DueUtc);

        Assert.Equal(D(2014, 7, 31), (await Resolve("cuối tháng 7/2014")).LastDay);
        Assert.Equal(D(2024, 2, 29), (await _resolver.ResolveAsync(new EndOfMonthRule(2024, 2))).LastDay);
    }

    [Fact]
    public async Task In_month_and_in_year_give_the_window_and_its_end()
    {
        var month = await Resolve("trong tháng 6/2026");
        Assert.Equal((D(2026, 6, 1), D(2026, 6, 30)), (month.WindowStart, month.LastDay));

        var years = await Resolve("trong năm 2026 - 2027");
        Assert.Equal((D(2026, 1, 1), D(2027, 12, 31)), (years.WindowStart, years.LastDay));
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 17, 0, 0, TimeSpan.Zero), years.DueUtc);
    }

    [Fact]
    public async Task On_a_date_is_due_at_the_end_of_that_day()
    {
        var deadline = await Resolve("ngày 22/12/2026");
        Assert.Equal(D(2026, 12, 22), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2026, 12, 22, 17, 0, 0, TimeSpan.Zero), deadline.DueUtc);
    }

    [Fact]
    public async Task A_day_off_announced_in_the_override_table_moves_a_rolled_deadline()
    {
        var overrides = Enumerable.Range(14, 9)
            .Select(day => new HolidayOverride(D(2026, 2, day), HolidayOverrideKind.DayOff, "Nghỉ Tết Bính Ngọ"));
        var resolver = new DeadlineResolver(new WorkingDayCalendar(new InMemoryHolidayOverrideSource(overrides)));

        var deadline = await resolver.ResolveAsync(
            new OnDateRule(D(2026, 2, 18)) { OnNonWorkingDay = NonWorkingDayPolicy.RollForward });

        Assert.Equal(D(2026, 2, 23), deadline.LastDay);
    }

    [Fact]
    public async Task Relative_to_the_parent_counts_calendar_or_working_days_from_the_parents_last_day()
    {
        var parent = new DeadlineContext(await Resolve("trước ngày 30/9/2022")); // last day Thursday 29/9

        Assert.Equal(D(2022, 9, 22),
            (await _resolver.ResolveAsync(new RelativeToParentRule(-5, DayUnit.WorkingDays), parent)).LastDay);
        Assert.Equal(D(2022, 9, 24),
            (await _resolver.ResolveAsync(new RelativeToParentRule(-5, DayUnit.CalendarDays), parent)).LastDay);
        Assert.Equal(D(2022, 9, 23), (await _resolver.ResolveAsync(
            new RelativeToParentRule(-5, DayUnit.CalendarDays) { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward },
            parent)).LastDay);
        Assert.Equal(D(2022, 10, 4),
            (await _resolver.ResolveAsync(new RelativeToParentRule(3, DayUnit.WorkingDays), parent)).LastDay);
    }

    [Fact]
    public async Task Relative_to_the_parent_without_the_parents_deadline_is_refused()
    {
        var error = await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new RelativeToParentRule(-5, DayUnit.WorkingDays)));
        Assert.Equal("parentDeadline", error.Field);
    }

    /// <summary>Plan 002: each huyện (due before 30/9/2022) sets the deadline of its cơ sở.</summary>
    [Fact]
    public async Task Set_by_parent_resolves_the_parents_choice()
    {
        var huyen = await Resolve("trước ngày 30/9/2022");
        var coSo = await _resolver.ResolveAsync(new SetByParentRule(),
            new DeadlineContext(huyen, DeadlinePhraseParser.Parse("trước ngày 15/9/2022")));

        Assert.Equal(D(2022, 9, 14), coSo.LastDay);
        Assert.Equal(new DateTimeOffset(2022, 9, 14, 17, 0, 0, TimeSpan.Zero), coSo.DueUtc);
        Assert.IsType<SetByParentRule>(coSo.Rule);

        var sameDay = await _resolver.ResolveAsync(new SetByParentRule(),
            new DeadlineContext(huyen, DeadlinePhraseParser.Parse("đến hết ngày 29/9/2022")));
        Assert.Equal(huyen.DueUtc, sameDay.DueUtc);

        var relative = await _resolver.ResolveAsync(new SetByParentRule(),
            new DeadlineContext(huyen, new RelativeToParentRule(-10, DayUnit.WorkingDays)));
        Assert.Equal(D(2022, 9, 15), relative.LastDay);
    }

    [Fact]
    public async Task Set_by_parent_refuses_a_choice_after_the_parents_own_deadline()
    {
        var huyen = await Resolve("trước ngày 30/9/2022");
        var error = await Assert.ThrowsAsync<DeadlineRuleException>(() => _resolver.ResolveAsync(new SetByParentRule(),
            new DeadlineContext(huyen, DeadlinePhraseParser.Parse("trước ngày 05/10/2022"))));

        Assert.Equal("chosenByParent", error.Field);
        Assert.Contains("hết ngày 04/10/2022", error.VietnameseMessage);
        Assert.Contains("muộn hơn thời hạn của cấp trên (hết ngày 29/09/2022)", error.VietnameseMessage);
        Assert.Contains("2022-10-04", error.Message);
        Assert.Contains("after the parent's own deadline (end of 2022-09-29)", error.Message);
    }

    [Fact]
    public async Task Set_by_parent_without_a_choice_or_parent_is_refused()
    {
        var huyen = await Resolve("trước ngày 30/9/2022");
        var notChosen = await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new SetByParentRule(), new DeadlineContext(huyen)));
        Assert.Equal("chosenByParent", notChosen.Field);
        Assert.Equal("Cấp trên chưa quyết định thời hạn cho cấp này.", notChosen.VietnameseMessage);

        var noParent = await Assert.ThrowsAsync<DeadlineRuleException>(() => _resolver.ResolveAsync(new SetByParentRule(),
            new DeadlineContext(ChosenByParent: new OnDateRule(D(2022, 9, 15)))));
        Assert.Equal("parentDeadline", noParent.Field);

        var nested = await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new SetByParentRule(), new DeadlineContext(huyen, new SetByParentRule())));
        Assert.Equal("chosenByParent", nested.Field);
    }

    [Fact]
    public async Task Invalid_rule_values_are_refused_naming_the_field()
    {
        Assert.Equal("month", (await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new EndOfMonthRule(2026, 13)))).Field);
        Assert.Equal("date", (await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new OnDateRule(D(1850, 1, 1))))).Field);
        Assert.Equal("throughYear", (await Assert.ThrowsAsync<DeadlineRuleException>(() =>
            _resolver.ResolveAsync(new InYearRule(2027) { ThroughYear = 2026 }))).Field);
    }
}
