using Quartz;

namespace WorkflowHost.Workflows.Scheduling;

/// <summary>
/// Elsa's cron expressions are Cronos format with seconds (6 fields: sec min hour day-of-month month day-of-week,
/// Sunday = 0). Quartz's CronExpression differs: day-of-week is 1–7 with Sunday = 1, and exactly one of day-of-month /
/// day-of-week must be <c>?</c>. This converts and evaluates them (all in UTC).
/// </summary>
public static class CronSchedule
{
    /// <summary>The next occurrence strictly after <paramref name="after"/>, or null if none.</summary>
    public static DateTimeOffset? NextOccurrence(string cronosExpression, DateTimeOffset after)
    {
        var expression = new CronExpression(ToQuartz(cronosExpression), TimeZoneInfo.Utc);
        return expression.GetNextValidTimeAfter(after);
    }

    /// <summary>Null if valid, else why not.</summary>
    public static string? Check(string cronosExpression)
    {
        try
        {
            _ = new CronExpression(ToQuartz(cronosExpression));
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return $"Invalid cron expression '{cronosExpression}': {exception.Message}";
        }
    }

    /// <summary>Converts a Cronos expression (5 or 6 fields) to Quartz syntax.</summary>
    public static string ToQuartz(string cronosExpression)
    {
        var fields = cronosExpression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 5) fields = ["0", .. fields];
        if (fields.Length != 6) throw new FormatException($"Expected 6 fields (with seconds), got {fields.Length}.");
        var dayOfMonth = fields[3];
        var dayOfWeek = ConvertDaysOfWeek(fields[5]);
        var monthRestricted = dayOfMonth is not ("*" or "?");
        var weekRestricted = dayOfWeek is not ("*" or "?");
        if (monthRestricted && weekRestricted)
            throw new FormatException("Restricting both day-of-month and day-of-week is not supported.");
        if (weekRestricted) dayOfMonth = "?";
        else dayOfWeek = "?";
        return string.Join(' ', fields[0], fields[1], fields[2], dayOfMonth, fields[4], dayOfWeek);
    }

    private static string ConvertDaysOfWeek(string field)
    {
        if (field is "*" or "?") return field;
        return string.Join(',', field.Split(',').Select(ConvertDayPart));
    }

    /// <summary>Shifts numeric days (Cronos 0–7, Sunday 0/7) to Quartz (1–7, Sunday 1) in "n", "a-b", "n/step", "n#k", "nL".</summary>
    private static string ConvertDayPart(string part)
    {
        var step = part.IndexOf('/');
        if (step >= 0) return ConvertDayPart(part[..step]) + part[step..];
        var hash = part.IndexOf('#');
        if (hash >= 0) return ConvertDay(part[..hash]) + part[hash..];
        if (part.EndsWith('L') && part.Length > 1) return ConvertDay(part[..^1]) + "L";
        var dash = part.IndexOf('-');
        if (dash > 0) return ConvertDay(part[..dash]) + "-" + ConvertDay(part[(dash + 1)..]);
        return ConvertDay(part);
    }

    private static string ConvertDay(string day) => int.TryParse(day, out var n) ? ((n % 7) + 1).ToString() : day;
}
