using System.Text.Encodings.Web;
using System.Text.Json;

namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>The JSON form of approval rules: camelCase, "kind" discriminator anywhere in the object, fractions as
/// "2/3" text. Example: {"kind":"partyMajority","quorumAtLeast":"2/3","approvalMoreThan":"1/2"}.</summary>
public static class ApprovalRuleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ApprovalRule rule) => JsonSerializer.Serialize(rule, Options);

    /// <summary>Reads and validates a rule; throws <see cref="ApprovalException"/> naming the field.</summary>
    public static ApprovalRule Deserialize(string json)
    {
        ApprovalRule rule;
        try
        {
            rule = JsonSerializer.Deserialize<ApprovalRule>(json, Options) ?? throw new JsonException("The rule is null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new ApprovalException(e is JsonException { Path: { Length: > 2 } path } ? path.TrimStart('$', '.') : "kind",
                $"Không đọc được quy tắc thông qua: {e.Message}",
                $"Cannot read the approval rule: {e.Message}");
        }
        rule.Validate();
        return rule;
    }
}
