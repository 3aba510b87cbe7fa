using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkflowHost.Persistence.Reporting;

/// <summary>
/// How the reporting aggregates' values reach columns. Instants: the domain uses <see cref="DateTimeOffset"/>, the
/// database a UTC DateTime (the foundation's convention — SQLite cannot compare DateTimeOffset). Leaf value bags that
/// nobody queries by their parts (a decision's minutes, a notice's recipients) go in one JSON text column.
/// </summary>
internal static class ReportingConversions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PropertyBuilder<DateTimeOffset> IsUtcInstant(this PropertyBuilder<DateTimeOffset> property) =>
        property.HasConversion(UtcInstantConverter.Instance);

    public static PropertyBuilder<DateTimeOffset?> IsUtcInstant(this PropertyBuilder<DateTimeOffset?> property) =>
        property.HasConversion(UtcInstantConverter.Instance);

    /// <summary>
    /// Figures come back with the scale they were given: SQLite's text form always has a fractional digit (42 is read
    /// as 42.0), so the value read is normalised (trailing zeros dropped) on both providers. Values are exact either way.
    /// </summary>
    public static PropertyBuilder<decimal?> IsFigure(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(new ValueConverter<decimal?, decimal?>(
            value => value,
            stored => stored == null ? null : stored.Value / 1.000000000000000000000000000000000m));

    /// <summary>Stores the value as JSON text; compared by its JSON so EF notices a replaced or changed value.</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) =>
        property.HasConversion(new ValueConverter<T, string>(
                value => JsonSerializer.Serialize(value, Json),
                text => JsonSerializer.Deserialize<T>(text, Json)!),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                value => JsonSerializer.Serialize(value, Json).GetHashCode(),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!));

    private sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)))
    {
        public static readonly UtcInstantConverter Instance = new();
    }
}
