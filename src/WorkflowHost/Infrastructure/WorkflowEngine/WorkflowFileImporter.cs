using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>A workflow file that cannot be imported; start-up stops with this message.</summary>
public sealed class WorkflowFileException(string message) : Exception(message);

/// <summary>
/// Start-up import of the top-level <c>workflows/*.json</c> (Elsa definition files; <c>workflows/plans/*.plan.json</c>
/// are plan templates, not definitions): each is imported and published when its version is newer than the stored
/// one. Every file is parsed and validated before anything is stored, so a bad file stops start-up naming the file
/// and the activity, and nothing of it (or of the files after it) is written.
/// </summary>
public sealed class WorkflowFileImporter(
    WorkflowFileImporter.Folder folder,
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowFileImporter> logger)
{
    public sealed record Folder(string Path);

    /// <summary>Returns how many files produced a new published version.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder.Path)) return 0;
        var files = Directory.GetFiles(folder.Path, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        var texts = new List<(string File, string Json)>();
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            Check(file, json);
            texts.Add((file, json));
        }
        var published = 0;
        foreach (var (file, json) in texts)
        {
            var result = await definitions.ImportAndPublishIfNewerAsync(json, cancellationToken);
            if (result is null) continue;
            if (!result.Succeeded) throw Problem(file, result.ValidationErrors);
            published++;
            logger.LogInformation("Workflow file {File} published as {DefinitionId} v{Version}",
                Path.GetFileName(file), result.Definition!.DefinitionId, result.Definition.Version);
        }
        return published;
    }

    private void Check(string file, string json)
    {
        System.Text.Json.Nodes.JsonObject model;
        try { model = WorkflowDefinitionJson.Parse(json); }
        catch (System.Text.Json.JsonException exception) { throw new WorkflowFileException($"Workflow file {Display(file)}: invalid JSON: {exception.Message}"); }
        var errors = definitions.Validate(model);
        if (errors.Count > 0) throw Problem(file, errors);
    }

    private static string Display(string file) => "workflows/" + Path.GetFileName(file);

    private static WorkflowFileException Problem(string file, IReadOnlyList<Workflows.Validation.ValidationError> errors) =>
        new($"Workflow file {Display(file)} is not valid: " + string.Join("; ", errors.Select(e =>
            e.ActivityId is null ? e.Message : $"activity '{e.ActivityId}': {e.Message}")));
}

public static class WorkflowFileImportStartup
{
    /// <summary>
    /// Runs after <c>InitialiseDatabaseAsync</c> (migrate → seed → import workflows). A bad workflow file stops
    /// start-up (logged, then thrown).
    /// </summary>
    public static async Task ImportWorkflowFilesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkflowFileImportStartup));
        try
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowFileImporter>().ImportAsync(cancellationToken);
        }
        catch (WorkflowFileException exception)
        {
            logger.LogCritical("Start-up stopped. {Message}", exception.Message);
            throw;
        }
    }
}
