namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// One entry of the yearly override table: a day the government announces as off (e.g. the extra Tết days for civil
/// servants) or as a working day (làm bù — a Saturday worked to pay for a bridged day). Overrides beat both the
/// statutory rules and the weekly rest days.
/// </summary>
public sealed record HolidayOverride(DateOnly Date, HolidayOverrideKind Kind, string Reason)
{
    /// <summary>The calendar year the override belongs to; sources are queried by it.</summary>
    public int Year => Date.Year;
}

public enum HolidayOverrideKind
{
    DayOff,
    WorkingDay,
}

/// <summary>Where the override table lives (an admin-edited database table in the host).</summary>
public interface IHolidayOverrideSource
{
    /// <summary>The overrides whose <see cref="HolidayOverride.Date"/> lies in <paramref name="year"/>.</summary>
    Task<IReadOnlyList<HolidayOverride>> GetOverridesAsync(int year, CancellationToken cancellationToken = default);
}

/// <summary>An override table held in memory (tests, rehearsals, or a fixed configuration).</summary>
public sealed class InMemoryHolidayOverrideSource(IEnumerable<HolidayOverride> overrides) : IHolidayOverrideSource
{
    private readonly IReadOnlyList<HolidayOverride> _overrides = overrides.ToList();

    public InMemoryHolidayOverrideSource() : this([]) { }

    public Task<IReadOnlyList<HolidayOverride>> GetOverridesAsync(int year, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HolidayOverride>>(_overrides.Where(o => o.Year == year).ToList());
}
