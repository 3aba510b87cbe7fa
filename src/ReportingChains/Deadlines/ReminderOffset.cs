using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>
/// A distance from a deadline's last day, written "-7d" (7 calendar days before), "-3wd" (3 working days before) or
/// "+1d" (the first day late). Counting from the last day rather than the due instant keeps "−1d" meaning "the day
/// before the last day", whatever the rule.
/// </summary>
[JsonConverter(typeof(ReminderOffsetJsonConverter))]
public readonly partial record struct ReminderOffset(int Days, DayUnit Unit)
{
    [GeneratedRegex(@"^(?<sign>[+-])?(?<days>\d{1,3})(?<unit>wd|d)$")]
    private static partial Regex Pattern();

    public static ReminderOffset Parse(string text) =>
        TryParse(text, out var offset)
            ? offset
            : throw new DeadlineRuleException("offset",
                $"Không hiểu mốc nhắc việc \"{text}\": viết dạng -7d (ngày), -3wd (ngày làm việc) hoặc +1d.",
                $"Cannot read the reminder offset \"{text}\": write it as -7d (days), -3wd (working days) or +1d.");

    public static bool TryParse(string? text, out ReminderOffset offset)
    {
        offset = default;
        var match = Pattern().Match(text?.Trim().ToLowerInvariant() ?? "");
        if (!match.Success) return false;
        int days = int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture);
        offset = new ReminderOffset(
            match.Groups["sign"].Value == "-" ? -days : days,
            match.Groups["unit"].Value == "wd" ? DayUnit.WorkingDays : DayUnit.CalendarDays);
        return true;
    }

    public override string ToString() =>
        $"{(Days < 0 ? "-" : "+")}{Math.Abs(Days)}{(Unit == DayUnit.WorkingDays ? "wd" : "d")}";
}

/// <summary>Writes a <see cref="ReminderOffset"/> as its text form ("-3wd").</summary>
public sealed class ReminderOffsetJsonConverter : JsonConverter<ReminderOffset>
{
    public override ReminderOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return ReminderOffset.TryParse(text, out var offset)
            ? offset
            : throw new JsonException($"Invalid reminder offset \"{text}\"; expected e.g. \"-7d\", \"-3wd\" or \"+1d\".");
    }

    public override void Write(Utf8JsonWriter writer, ReminderOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
