using System.Collections.Concurrent;

namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// Working days of the Vietnamese civil service: weekdays that are neither a public holiday, a compensatory day, nor
/// a day off announced in the override table — and announced làm bù days even if they are Saturdays. Each solar year
/// is computed once and cached; <see cref="Invalidate"/> drops a year after its overrides were edited.
/// </summary>
public sealed class WorkingDayCalendar(IHolidayOverrideSource overrides, PublicHolidayRules? rules = null)
{
    // A year has at most ~130 non-working days in a row of weekends and holidays; a longer run means a broken table.
    private const int MaxConsecutiveDaysOff = 366;

    private readonly PublicHolidayRules _rules = rules ?? PublicHolidayRules.Default;
    private readonly ConcurrentDictionary<int, Lazy<Task<CalendarYear>>> _years = new();

    public async ValueTask<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (await YearAsync(date.Year, cancellationToken)).IsWorkingDay(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public ValueTask<DateOnly> NextWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        FindWorkingDayAsync(date.AddDays(1), step: 1, cancellationToken);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public ValueTask<DateOnly> PreviousWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        FindWorkingDayAsync(date.AddDays(-1), step: -1, cancellationToken);

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the next working day.</summary>
    public ValueTask<DateOnly> RollForwardAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        FindWorkingDayAsync(date, step: 1, cancellationToken);

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the previous working day.</summary>
    public ValueTask<DateOnly> RollBackwardAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        FindWorkingDayAsync(date, step: -1, cancellationToken);

    /// <summary>The day <paramref name="workingDays"/> working days after (negative: before) <paramref name="date"/>;
    /// <paramref name="date"/> itself is not counted, and 0 returns it unchanged.</summary>
    public async ValueTask<DateOnly> AddWorkingDaysAsync(DateOnly date, int workingDays, CancellationToken cancellationToken = default)
    {
        var day = date;
        for (int i = 0; i < Math.Abs(workingDays); i++)
            day = workingDays > 0
                ? await NextWorkingDayAsync(day, cancellationToken)
                : await PreviousWorkingDayAsync(day, cancellationToken);
        return day;
    }

    /// <summary>The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (negative
    /// when <paramref name="to"/> is earlier), so that adding the result to <paramref name="from"/> reaches
    /// <paramref name="to"/> when <paramref name="to"/> is a working day.</summary>
    public async ValueTask<int> WorkingDaysBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from) return -await WorkingDaysBetweenAsync(to, from, cancellationToken);
        int count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (await IsWorkingDayAsync(day, cancellationToken)) count++;
        return count;
    }

    /// <summary>The days off of a year other than ordinary weekends, in date order: statutory holidays and
    /// compensatory days (minus any the override table turns into working days) and announced days off.</summary>
    public async ValueTask<IReadOnlyList<Holiday>> HolidaysOfAsync(int year, CancellationToken cancellationToken = default) =>
        (await YearAsync(year, cancellationToken)).Holidays;

    /// <summary>Forget a cached year, e.g. after an admin edited its overrides.</summary>
    public void Invalidate(int year) => _years.TryRemove(year, out _);

    private async ValueTask<DateOnly> FindWorkingDayAsync(DateOnly start, int step, CancellationToken cancellationToken)
    {
        var day = start;
        for (int i = 0; i < MaxConsecutiveDaysOff; i++, day = day.AddDays(step))
            if (await IsWorkingDayAsync(day, cancellationToken)) return day;
        throw new InvalidOperationException(
            $"No working day within {MaxConsecutiveDaysOff} days of {start:yyyy-MM-dd}: check the holiday override table.");
    }

    private async ValueTask<CalendarYear> YearAsync(int year, CancellationToken cancellationToken)
    {
        var lazy = _years.GetOrAdd(year, y => new Lazy<Task<CalendarYear>>(() => BuildYearAsync(y)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // Don't cache a failed load (database down, bad row): the next call tries again.
            _years.TryRemove(new KeyValuePair<int, Lazy<Task<CalendarYear>>>(year, lazy));
            throw;
        }
    }

    // The load is shared by all callers of the year, so it must not be cancelled by the first caller's token.
    private async Task<CalendarYear> BuildYearAsync(int year)
    {
        var announced = await overrides.GetOverridesAsync(year, CancellationToken.None);
        return CalendarYear.Build(year, _rules, announced);
    }

    private sealed class CalendarYear
    {
        private readonly PublicHolidayRules _rules;
        private readonly Dictionary<DateOnly, Holiday> _daysOff;
        private readonly HashSet<DateOnly> _workingDays;

        private CalendarYear(PublicHolidayRules rules, Dictionary<DateOnly, Holiday> daysOff, HashSet<DateOnly> workingDays)
        {
            _rules = rules;
            _daysOff = daysOff;
            _workingDays = workingDays;
            Holidays = daysOff.Values.OrderBy(h => h.Date).ToList();
        }

        public IReadOnlyList<Holiday> Holidays { get; }

        public bool IsWorkingDay(DateOnly date) =>
            _workingDays.Contains(date) || (!_daysOff.ContainsKey(date) && !_rules.IsWeeklyDayOff(date));

        public static CalendarYear Build(int year, PublicHolidayRules rules, IReadOnlyList<HolidayOverride> announced)
        {
            var daysOff = new Dictionary<DateOnly, Holiday>();
            foreach (var holiday in rules.HolidaysOf(year))
                daysOff.TryAdd(holiday.Date, holiday); // Giỗ Tổ can coincide with 30/4 or 1/5: one day off, first name

            var seen = new HashSet<DateOnly>();
            var workingDays = new HashSet<DateOnly>();
            foreach (var entry in announced)
            {
                if (entry.Year != year)
                    throw new InvalidOperationException(
                        $"Holiday override {entry.Date:yyyy-MM-dd} was returned for year {year}.");
                if (!seen.Add(entry.Date))
                    throw new InvalidOperationException(
                        $"Holiday override table has two entries for {entry.Date:yyyy-MM-dd}.");
                if (string.IsNullOrWhiteSpace(entry.Reason))
                    throw new InvalidOperationException(
                        $"Holiday override {entry.Date:yyyy-MM-dd} has no reason.");

                if (entry.Kind == HolidayOverrideKind.WorkingDay)
                {
                    daysOff.Remove(entry.Date);
                    workingDays.Add(entry.Date);
                }
                else if (!daysOff.ContainsKey(entry.Date))
                {
                    daysOff[entry.Date] = new Holiday(entry.Date, entry.Reason, HolidayKind.Announced);
                }
            }
            return new CalendarYear(rules, daysOff, workingDays);
        }
    }
}
