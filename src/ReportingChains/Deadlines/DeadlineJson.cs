using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>The JSON form of deadline rules and reminder plans: camelCase, enums as camelCase strings, "kind" first or
/// anywhere in the object. The relaxed encoder keeps "+1d" and Vietnamese text readable in workflow files; these
/// documents are never embedded unencoded in HTML.</summary>
public static class DeadlineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        AllowOutOfOrderMetadataProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(DeadlineRule rule) => JsonSerializer.Serialize(rule, Options);

    public static DeadlineRule Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DeadlineRule>(json, Options)
                   ?? throw new JsonException("The rule is null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new DeadlineRuleException("kind",
                $"Không đọc được quy tắc thời hạn: {e.Message}",
                $"Cannot read the deadline rule: {e.Message}");
        }
    }
}
