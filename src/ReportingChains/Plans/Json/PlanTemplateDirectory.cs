namespace WorkflowHost.ReportingChains.Plans.Json;

/// <summary>The outcome of reading every plan file of a folder: the valid templates and each file's errors.</summary>
public sealed record PlanTemplateDirectoryResult(
    IReadOnlyList<PlanTemplate> Templates,
    IReadOnlyDictionary<string, IReadOnlyList<PlanTemplateError>> ErrorsByFile)
{
    public bool Succeeded => ErrorsByFile.Count == 0;
}

/// <summary>Reads all <c>*.plan.json</c> files of a folder (e.g. <c>workflows/plans</c>) for a start-up import.</summary>
public static class PlanTemplateDirectory
{
    public static PlanTemplateDirectoryResult Read(string directory)
    {
        var templates = new List<PlanTemplate>();
        var errors = new SortedDictionary<string, IReadOnlyList<PlanTemplateError>>(StringComparer.Ordinal);
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*" + PlanTemplateReader.FileSuffix).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var fileOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var result = PlanTemplateReader.ReadFile(file);
            if (!result.Succeeded)
                errors[name] = result.Errors;
            else if (!fileOfId.TryAdd(result.Template!.Id, name))
                errors[name] = [new PlanTemplateError("$.id", $"plan id \"{result.Template.Id}\" is already used by {fileOfId[result.Template.Id]}")];
            else
                templates.Add(result.Template);
        }
        return new PlanTemplateDirectoryResult(templates, errors);
    }
}
