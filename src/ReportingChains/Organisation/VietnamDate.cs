using NodaTime;

namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>Calendar days as people in Việt Nam see them (Asia/Ho_Chi_Minh).</summary>
public static class VietnamDate
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(Zone).Date.ToDateTimeUnspecified());
}
