using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Plans.Json;

/// <summary>Writes a template in the plan file format, so that <see cref="PlanTemplateReader"/> reads it back.</summary>
public static class PlanTemplateWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        // Vietnamese text stays readable in the file instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Write(PlanTemplate template) => JsonSerializer.Serialize(template, Options);
}
