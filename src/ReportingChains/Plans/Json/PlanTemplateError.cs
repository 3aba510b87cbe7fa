namespace WorkflowHost.ReportingChains.Plans.Json;

/// <summary>One problem in a plan file, naming the field by its JSON path, e.g. "$.indicators[3].unit: required".</summary>
public sealed record PlanTemplateError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a plan file: the template when it is valid, otherwise every error found.</summary>
public sealed class PlanTemplateReadResult
{
    private PlanTemplateReadResult(PlanTemplate? template, IReadOnlyList<PlanTemplateError> errors)
    {
        Template = template;
        Errors = errors;
    }

    public PlanTemplate? Template { get; }
    public IReadOnlyList<PlanTemplateError> Errors { get; }
    public bool Succeeded => Template is not null;

    internal static PlanTemplateReadResult Valid(PlanTemplate template) => new(template, []);

    internal static PlanTemplateReadResult Invalid(IReadOnlyList<PlanTemplateError> errors) => new(null, errors);
}
