using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Instance export and import from Studio's instance list (ELSA-API §3.3/§4.3). One file per instance with Elsa's
/// top-level names: <c>WorkflowState</c> (this engine's instance state document), <c>Bookmarks</c>,
/// <c>ActivityExecutionRecords</c>, <c>WorkflowExecutionLogRecords</c>, plus <c>Timers</c> — the instance's due rows
/// (Delay, deadlines, queued resumes), without which an imported suspended instance could never wake up. Unlike Elsa,
/// everything is included unless a flag says <c>False</c>, so an export restores the instance as it was.
/// </summary>
public static class WorkflowInstanceTransferEndpoints
{
    public static RouteGroupBuilder MapWorkflowInstanceTransferEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow-instances/{id}/export", (string id, HttpContext context, CancellationToken ct) =>
        {
            var q = new ElsaQuery(context.Request.Query);
            var options = ExportOptions.FromQuery(q);
            return q.HasErrors ? Task.FromResult(q.BadRequest()) : ExportAsync([id], options, InstanceExporter.For(context), ct);
        });
        api.MapPost("/bulk-actions/export/workflow-instances", BulkExportAsync);
        api.MapPost("/bulk-actions/import/workflow-instances", ImportAsync).RequireAuthorization(Policies.DesignWorkflows);
        return api;
    }

    public sealed class BulkExportRequest
    {
        public List<string>? Ids { get; set; }
        public bool? IncludeBookmarks { get; set; }
        public bool? IncludeActivityExecutionLog { get; set; }
        public bool? IncludeWorkflowExecutionLog { get; set; }
    }

    private static async Task<IResult> BulkExportAsync(HttpContext context, CancellationToken ct)
    {
        var exporter = InstanceExporter.For(context);
        var (request, error) = await ElsaJson.ReadBodyAsync<BulkExportRequest>(context.Request, ct);
        if (error is not null) return error;
        if (request.Ids is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
            return ElsaJson.BadRequest("ids", "Give at least one workflow instance id (and no empty ones).");
        return await ExportAsync(ids.Distinct().ToList(), new ExportOptions(
            request.IncludeBookmarks ?? true, request.IncludeActivityExecutionLog ?? true, request.IncludeWorkflowExecutionLog ?? true), exporter, ct);
    }

    /// <summary>One instance: its JSON file; several: <c>workflow-instances.zip</c>. An unknown id is a 404 (nothing is silently left out).</summary>
    private static async Task<IResult> ExportAsync(IReadOnlyList<string> ids, ExportOptions options, InstanceExporter exporter, CancellationToken ct)
    {
        var files = new List<(string Name, byte[] Json)>();
        foreach (var id in ids)
        {
            if (await exporter.ExportAsync(id, options, ct) is not { } document) return WorkflowInstanceEndpoints.InstanceNotFound(id);
            files.Add(($"workflow-instance-{id}.json", JsonSerializer.SerializeToUtf8Bytes(document, ElsaJson.Options)));
        }
        if (files.Count == 1) return Results.File(files[0].Json, "application/json", files[0].Name);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, json) in files)
            {
                await using var entry = zip.CreateEntry(name).Open();
                await entry.WriteAsync(json, ct);
            }
        return Results.File(buffer.ToArray(), "application/zip", "workflow-instances.zip");
    }

    /// <summary>
    /// Multipart <c>files</c> (JSON files or zips of them) → <c>{"count"}</c>. Every file is read and checked first
    /// (parsable, its definition version stored, its instance id new); any problem is a 400 keyed by the file name and
    /// nothing is written. Then each instance is written with its rows in one engine commit.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext context, CancellationToken ct)
    {
        var exporter = InstanceExporter.For(context);
        if (!context.Request.HasFormContentType) return ElsaJson.BadRequest("files", "Send the files as multipart/form-data in the field 'files'.");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return ElsaJson.BadRequest("files", $"The multipart body cannot be read: {exception.Message}");
        }
        var files = form.Files.GetFiles("files");
        if (files.Count == 0) return ElsaJson.BadRequest("files", "No file was sent in the field 'files'.");

        var documents = new List<(string Name, string Json)>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            if (file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || file.ContentType is "application/zip" or "application/x-zip-compressed")
            {
                try
                {
                    using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                    foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                    {
                        using var reader = new StreamReader(entry.Open());
                        documents.Add(($"{file.FileName}/{entry.FullName}", await reader.ReadToEndAsync(ct)));
                    }
                }
                catch (InvalidDataException exception)
                {
                    errors[file.FileName] = [$"Not a readable zip file: {exception.Message}"];
                }
            }
            else
            {
                using var reader = new StreamReader(stream);
                documents.Add((file.FileName, await reader.ReadToEndAsync(ct)));
            }
        }

        var imports = new List<InstanceImport>();
        foreach (var (name, json) in documents)
        {
            var (import, problem) = await exporter.ReadAsync(json, ct);
            if (problem is not null) errors[name] = [problem];
            else if (imports.Any(i => i.Instance.Id == import!.Instance.Id)) errors[name] = [$"Workflow instance '{import!.Instance.Id}' is in more than one file."];
            else imports.Add(import!);
        }
        if (errors.Count > 0) return ElsaJson.BadRequest(errors);

        foreach (var import in imports) await exporter.WriteAsync(import, ct);
        return ElsaJson.Ok(new JsonObject { ["count"] = imports.Count });
    }

    public sealed record ExportOptions(bool IncludeBookmarks, bool IncludeActivityExecutionLog, bool IncludeWorkflowExecutionLog)
    {
        public static ExportOptions FromQuery(ElsaQuery q) =>
            new(q.Bool("includeBookmarks") ?? true, q.Bool("includeActivityExecutionLog") ?? true, q.Bool("includeWorkflowExecutionLog") ?? true);
    }
}

/// <summary>An instance read from an export file, with the rows to write alongside it.</summary>
public sealed record InstanceImport(WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<ScheduledTimer> Timers,
    IReadOnlyList<ActivityExecutionRecord> ActivityRecords, IReadOnlyList<WorkflowExecutionLogEntry> Journal);

/// <summary>Reads and writes the export document of one instance (see <see cref="WorkflowInstanceTransferEndpoints"/>).</summary>
public sealed class InstanceExporter(IWorkflowStateStore states, IWorkflowQueryStore queries, ITimerStore timers,
    IWorkflowDefinitionService definitions, TimerSignal timerSignal)
{
    public static InstanceExporter For(HttpContext context) => ActivatorUtilities.CreateInstance<InstanceExporter>(context.RequestServices);

    public async Task<JsonObject?> ExportAsync(string instanceId, WorkflowInstanceTransferEndpoints.ExportOptions options, CancellationToken ct)
    {
        if (await states.GetInstanceAsync(instanceId, ct) is not { } instance) return null;
        var document = new JsonObject { ["WorkflowState"] = JsonNode.Parse(WorkflowStateJson.Serialize(instance)) };
        if (options.IncludeBookmarks)
        {
            document["Bookmarks"] = JsonSerializer.SerializeToNode(instance.Bookmarks, ElsaJson.Options);
            var due = (await timers.ListAsync(instanceId, ct)).Where(t => t.Kind != ScheduledWorkKind.Dispatch)
                .Select(t => t with { LeaseOwner = null, LeaseUntil = null }).ToList();
            document["Timers"] = JsonSerializer.SerializeToNode(due, ElsaJson.Options);
        }
        if (options.IncludeActivityExecutionLog)
            document["ActivityExecutionRecords"] = JsonSerializer.SerializeToNode(await queries.ListActivityRecordsAsync(instanceId, null, ct), ElsaJson.Options);
        if (options.IncludeWorkflowExecutionLog)
            document["WorkflowExecutionLogRecords"] = JsonSerializer.SerializeToNode((await queries.QueryJournalAsync(instanceId, null, 0, int.MaxValue, ct)).Items, ElsaJson.Options);
        return document;
    }

    /// <summary>The import, or why it cannot be imported (bad JSON, unknown definition version, existing instance).</summary>
    public async Task<(InstanceImport? Import, string? Problem)> ReadAsync(string json, CancellationToken ct)
    {
        InstanceImport import;
        try
        {
            if (JsonNode.Parse(json.TrimStart('\uFEFF')) is not JsonObject document
                || (document["WorkflowState"] ?? document["workflowState"]) is not JsonObject state)
                return (null, "Not a workflow instance export: the object 'WorkflowState' is missing.");
            var instance = WorkflowStateJson.Deserialize(state.ToJsonString());
            import = new InstanceImport(instance,
                Read<List<Bookmark>>(document, "Bookmarks"),
                Read<List<ScheduledTimer>>(document, "Timers").Where(t => t.WorkflowInstanceId == instance.Id).ToList(),
                Read<List<ActivityExecutionRecord>>(document, "ActivityExecutionRecords").Where(r => r.WorkflowInstanceId == instance.Id).ToList(),
                Read<List<WorkflowExecutionLogEntry>>(document, "WorkflowExecutionLogRecords").Where(e => e.WorkflowInstanceId == instance.Id).ToList());
        }
        catch (JsonException exception)
        {
            return (null, $"Not a readable workflow instance export: {exception.Message.Split('\n')[0]}");
        }
        if (await definitions.GetByIdAsync(import.Instance.DefinitionVersionId, ct) is null)
            return (null, $"Workflow definition version '{import.Instance.DefinitionVersionId}' of instance '{import.Instance.Id}' does not exist here; import the definition first.");
        if (await states.GetInstanceAsync(import.Instance.Id, ct) is not null)
            return (null, $"Workflow instance '{import.Instance.Id}' already exists.");
        return (import, null);
    }

    /// <summary>Writes the instance and its rows as one new-instance commit; the scheduler is woken for its due rows.</summary>
    public async Task WriteAsync(InstanceImport import, CancellationToken ct)
    {
        await states.CommitAsync(new WorkflowCommit
        {
            Instance = import.Instance,
            BookmarksAdded = import.Bookmarks,
            TimersAdded = import.Timers,
            ActivityRecords = import.ActivityRecords,
            JournalEntries = import.Journal,
        }, ct);
        if (import.Timers.Count > 0) timerSignal.Notify(import.Timers.Min(t => t.DueAt));
    }

    private static T Read<T>(JsonObject document, string name) where T : new() =>
        (document[name] ?? document[char.ToLowerInvariant(name[0]) + name[1..]]) is { } node ? node.Deserialize<T>(ElsaJson.Options) ?? new T() : new T();
}
