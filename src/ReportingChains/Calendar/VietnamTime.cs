using NodaTime;

namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// Local time of Vietnam (Asia/Ho_Chi_Minh): where calendar days begin and end for deadlines and reminders.
/// The zone comes from NodaTime's embedded TZDB rather than <see cref="TimeZoneInfo"/>: the id then resolves the same
/// on Linux containers without tzdata and on Windows (whose id is "SE Asia Standard Time"), and the rules travel with
/// the package version instead of the host's OS updates.
/// </summary>
public static class VietnamTime
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>The instant (UTC) at which the given local day begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        Zone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToInstant().ToDateTimeOffset();

    /// <summary>The instant (UTC) at which the given local day ends — the start of the next day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));

    /// <summary>The instant (UTC) of a local time on a local day.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        Zone.AtLeniently(LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time))).ToInstant().ToDateTimeOffset();

    /// <summary>The same instant expressed with Vietnam's offset, for display.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).ToDateTimeOffset();

    /// <summary>The local calendar day an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).Date.ToDateOnly();

    /// <summary>Today as people in Việt Nam see it.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());
}
