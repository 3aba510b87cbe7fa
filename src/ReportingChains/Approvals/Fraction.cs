using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>An exact fraction such as "2/3", written as text in JSON. Thresholds are counted in whole members with
/// integer arithmetic, so "at least 2/3 of 12" is exactly 8 and never 7.9999.</summary>
[JsonConverter(typeof(FractionJsonConverter))]
public readonly record struct Fraction
{
    public Fraction(int numerator, int denominator)
    {
        if (denominator <= 0 || numerator < 0 || numerator > denominator)
            throw new ArgumentOutOfRangeException(nameof(numerator), $"{numerator}/{denominator} is not a fraction between 0 and 1.");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }
    public int Denominator { get; }

    /// <summary>The fewest members out of <paramref name="total"/> that make at least this fraction.</summary>
    public int AtLeastOf(int total) => (Numerator * total + Denominator - 1) / Denominator;

    /// <summary>The fewest members out of <paramref name="total"/> that make more than this fraction.</summary>
    public int MoreThanOf(int total) => Numerator * total / Denominator + 1;

    public static Fraction Parse(string text) =>
        TryParse(text, out var fraction)
            ? fraction
            : throw new FormatException($"\"{text}\" is not a fraction like \"2/3\" between 0 and 1.");

    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = default;
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int numerator)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int denominator)
            || denominator == 0 || numerator > denominator)
            return false;
        fraction = new Fraction(numerator, denominator);
        return true;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}

public sealed class FractionJsonConverter : JsonConverter<Fraction>
{
    public override Fraction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Fraction.TryParse(text, out var fraction)
            ? fraction
            : throw new JsonException($"Invalid fraction \"{text}\"; expected text like \"2/3\" between 0 and 1.");
    }

    public override void Write(Utf8JsonWriter writer, Fraction value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
