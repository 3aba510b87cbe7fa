using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Serialization;
using WorkflowHost.Workflows.Validation;

namespace WorkflowHost.Workflows.Definitions;

/// <summary>Outcome of a save/publish/import: the stored version, or the validation errors (then nothing was written).</summary>
public sealed record SaveResult(WorkflowDefinitionVersion? Definition, IReadOnlyList<ValidationError> ValidationErrors, bool AlreadyPublished = false)
{
    public bool Succeeded => Definition is not null && ValidationErrors.Count == 0;
}

/// <summary>Versioning of workflow definitions with Elsa 3.8's semantics (ELSA-API §4.2 "Save semantics").</summary>
public interface IWorkflowDefinitionService
{
    /// <summary>
    /// Saves a <c>WorkflowDefinitionModel</c>: the latest draft is updated in place; if the latest is published a new
    /// version (max+1) is created; no definition id → a new definition. <paramref name="publish"/> validates first
    /// (errors → nothing saved) and makes this the only published and latest version, rescheduling its triggers.
    /// </summary>
    Task<SaveResult> SaveAsync(JsonObject model, bool publish, CancellationToken cancellationToken = default);
    /// <summary>Publishes the latest version (AlreadyPublished when it is).</summary>
    Task<SaveResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default);
    /// <summary>Unpublishes the published version; null when none is published.</summary>
    Task<WorkflowDefinitionVersion?> RetractAsync(string definitionId, CancellationToken cancellationToken = default);
    /// <summary>Copies <paramref name="version"/> into a new latest, unpublished version (max+1).</summary>
    Task<WorkflowDefinitionVersion?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default);
    /// <summary>Deletes all versions (instances stay). False if unknown.</summary>
    Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default);
    /// <summary>Deletes one version; the highest remaining becomes latest. False if unknown.</summary>
    Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default);
    /// <summary>Imports a definition file (JSON text, BOM tolerated) as a draft; keeps its definition id, and its id/version when new.</summary>
    Task<SaveResult> ImportAsync(string json, CancellationToken cancellationToken = default);
    Task<SaveResult> ImportAsync(JsonObject model, CancellationToken cancellationToken = default);
    /// <summary>Start-up import of <c>workflows/*.json</c>: imports and publishes when the file's version is newer than the stored one.</summary>
    Task<SaveResult?> ImportAndPublishIfNewerAsync(string json, CancellationToken cancellationToken = default);
    /// <summary>The export file of a version: the stored JSON with <c>$schema</c>.</summary>
    Task<JsonObject?> ExportAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default);
    Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default);
    Task<WorkflowDefinitionVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);
    /// <summary>Validates a model without saving (normalised first).</summary>
    IReadOnlyList<ValidationError> Validate(JsonObject model);
}

/// <inheritdoc />
public sealed class WorkflowDefinitionService(
    IWorkflowDefinitionStore store,
    WorkflowDefinitionJson definitionJson,
    WorkflowValidator validator,
    CompiledWorkflowCache cache,
    WorkflowCompiler compiler,
    TriggerTimers triggers,
    TimerSignal timerSignal,
    TimeProvider timeProvider) : IWorkflowDefinitionService
{
    public Task<SaveResult> SaveAsync(JsonObject model, bool publish, CancellationToken cancellationToken = default) =>
        SaveCoreAsync(model, publish, isImport: false, cancellationToken);

    public async Task<SaveResult> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        JsonObject model;
        try { model = WorkflowDefinitionJson.Parse(json); }
        catch (JsonException exception) { return new SaveResult(null, [new ValidationError(null, $"Invalid JSON: {exception.Message}")]); }
        return await ImportAsync(model, cancellationToken);
    }

    public Task<SaveResult> ImportAsync(JsonObject model, CancellationToken cancellationToken = default) =>
        SaveCoreAsync(model, publish: false, isImport: true, cancellationToken);

    public async Task<SaveResult?> ImportAndPublishIfNewerAsync(string json, CancellationToken cancellationToken = default)
    {
        JsonObject model;
        try { model = WorkflowDefinitionJson.Parse(json); }
        catch (JsonException exception) { return new SaveResult(null, [new ValidationError(null, $"Invalid JSON: {exception.Message}")]); }
        var definitionId = model.GetString("definitionId");
        var fileVersion = model["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
        if (definitionId is not null && await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is { } latest
            && latest.Version >= fileVersion && latest.IsPublished)
            return null;
        return await SaveCoreAsync(model, publish: true, isImport: true, cancellationToken);
    }

    private async Task<SaveResult> SaveCoreAsync(JsonObject input, bool publish, bool isImport, CancellationToken cancellationToken)
    {
        JsonObject model;
        // A definition edited in the designer comes back with Elsa.NotFoundActivity placeholders for unknown types:
        // the original activities are what is stored.
        try { model = definitionJson.Normalize(NotFoundActivities.Restore(input)); }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or FormatException)
        {
            return new SaveResult(null, [new ValidationError(null, $"The definition cannot be read: {exception.Message}")]);
        }
        if (publish && validator.Validate(model) is { Count: > 0 } errors) return new SaveResult(null, errors);

        var now = timeProvider.GetUtcNow();
        var definitionId = model.GetString("definitionId") is { Length: > 0 } given ? given : Ids.New();
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest) ?? versions.LastOrDefault();
        var upserts = new List<WorkflowDefinitionVersion>();

        WorkflowDefinitionVersion saved;
        if (latest is not null && !latest.IsPublished)
            saved = latest with { Model = model };
        else
        {
            var requestedId = model.GetString("id");
            var idIsFree = requestedId is { Length: > 0 } && await store.FindByIdAsync(requestedId, cancellationToken) is null;
            var fileVersion = model["version"] is JsonValue v && v.TryGetValue<int>(out var n) && n > 0 ? n : 1;
            saved = new WorkflowDefinitionVersion
            {
                Id = (isImport || latest is null) && idIsFree ? requestedId! : Ids.New(),
                DefinitionId = definitionId,
                Version = latest is null ? (isImport ? fileVersion : 1) : Math.Max(latest.Version + 1, versions.Max(x => x.Version) + 1),
                CreatedAt = isImport && latest is null && model["createdAt"] is JsonValue c && c.TryGetValue<string>(out var created)
                    && DateTimeOffset.TryParse(created, out var createdAt) && createdAt > DateTimeOffset.MinValue.AddYears(1) ? createdAt : now,
                Model = model,
            };
            if (latest is not null) upserts.Add(latest with { IsLatest = false });
        }
        saved = saved with
        {
            Name = model.GetString("name")?.Trim(),
            Description = model.GetString("description")?.Trim(),
            ToolVersion = model.GetString("toolVersion"),
            IsSystem = model.GetBool("isSystem"),
            IsReadonly = model.GetBool("isReadonly"),
            IsLatest = true,
            IsPublished = false,
        };
        if (saved.Name is not null) model["name"] = saved.Name;
        if (saved.Description is not null) model["description"] = saved.Description;

        var commit = publish ? PublishChanges(saved, versions.Where(v => v.Id != saved.Id && !upserts.Any(u => u.Id == v.Id)).ToList(), upserts, now)
            : new DefinitionCommit { Upserts = [.. upserts, saved.WithSyncedModel()] };
        await store.CommitAsync(commit, cancellationToken);
        cache.Invalidate(saved.Id);
        SignalTimers(commit);
        return new SaveResult(await store.FindByIdAsync(saved.Id, cancellationToken), []);
    }

    /// <summary>Makes <paramref name="version"/> the only published and latest version and reschedules its triggers.</summary>
    private DefinitionCommit PublishChanges(WorkflowDefinitionVersion version, IReadOnlyList<WorkflowDefinitionVersion> others,
        IReadOnlyList<WorkflowDefinitionVersion> alreadyChanged, DateTimeOffset now)
    {
        var published = (version with { IsPublished = true, IsLatest = true }).WithSyncedModel();
        var upserts = alreadyChanged.Select(v => (v with { IsPublished = false, IsLatest = false }).WithSyncedModel())
            .Concat(others.Where(v => v.IsPublished || v.IsLatest).Select(v => (v with { IsPublished = false, IsLatest = false }).WithSyncedModel()))
            .Append(published).ToList();
        return new DefinitionCommit
        {
            Upserts = upserts,
            ResetTriggersOfDefinitionIds = [version.DefinitionId],
            TimersAdded = triggers.ForPublishedVersion(compiler.Compile(published.Model), now),
            Notifications = [new WorkflowDefinitionPublished(version.DefinitionId, version.Id, version.Version)],
        };
    }

    public async Task<SaveResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var latest = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken);
        if (latest is null) return new SaveResult(null, [new ValidationError(null, $"Workflow definition '{definitionId}' does not exist.")]);
        if (latest.IsPublished) return new SaveResult(latest, [], AlreadyPublished: true);
        if (validator.Validate(latest.Model) is { Count: > 0 } errors) return new SaveResult(null, errors);
        var others = (await store.ListVersionsAsync(definitionId, cancellationToken)).Where(v => v.Id != latest.Id).ToList();
        var commit = PublishChanges(latest, others, [], timeProvider.GetUtcNow());
        await store.CommitAsync(commit, cancellationToken);
        SignalTimers(commit);
        return new SaveResult(await store.FindByIdAsync(latest.Id, cancellationToken), []);
    }

    public async Task<WorkflowDefinitionVersion?> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var published = await store.FindAsync(definitionId, VersionOptions.Published, cancellationToken);
        if (published is null) return null;
        var retracted = (published with { IsPublished = false }).WithSyncedModel();
        await store.CommitAsync(new DefinitionCommit
        {
            Upserts = [retracted],
            ResetTriggersOfDefinitionIds = [definitionId],
            Notifications = [new WorkflowDefinitionRetracted(definitionId, published.Id, published.Version)],
        }, cancellationToken);
        return retracted;
    }

    public async Task<WorkflowDefinitionVersion?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        var source = versions.FirstOrDefault(v => v.Version == version);
        if (source is null) return null;
        var reverted = new WorkflowDefinitionVersion
        {
            Id = Ids.New(), DefinitionId = definitionId, Version = versions.Max(v => v.Version) + 1, Name = source.Name,
            Description = source.Description, ToolVersion = source.ToolVersion, IsSystem = source.IsSystem, IsLatest = true,
            IsPublished = false, CreatedAt = timeProvider.GetUtcNow(), Model = (JsonObject)source.Model.DeepClone(),
        }.WithSyncedModel();
        var demoted = versions.Where(v => v.IsLatest).Select(v => (v with { IsLatest = false }).WithSyncedModel());
        await store.CommitAsync(new DefinitionCommit { Upserts = [.. demoted, reverted] }, cancellationToken);
        return reverted;
    }

    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        if (versions.Count == 0) return false;
        await store.CommitAsync(new DefinitionCommit
        {
            DeletedVersionIds = versions.Select(v => v.Id).ToList(),
            ResetTriggersOfDefinitionIds = [definitionId],
            Notifications = [new WorkflowDefinitionDeleted(definitionId, versions.Select(v => v.Id).ToList())],
        }, cancellationToken);
        foreach (var version in versions) cache.Invalidate(version.Id);
        return true;
    }

    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        var version = await store.FindByIdAsync(versionId, cancellationToken);
        if (version is null) return false;
        var remaining = (await store.ListVersionsAsync(version.DefinitionId, cancellationToken)).Where(v => v.Id != versionId).ToList();
        var promoted = version.IsLatest && remaining.Count > 0 ? [(remaining.MaxBy(v => v.Version)! with { IsLatest = true }).WithSyncedModel()] : new List<WorkflowDefinitionVersion>();
        await store.CommitAsync(new DefinitionCommit
        {
            DeletedVersionIds = [versionId],
            Upserts = promoted,
            ResetTriggersOfDefinitionIds = version.IsPublished ? [version.DefinitionId] : [],
            Notifications = [new WorkflowDefinitionDeleted(version.DefinitionId, [versionId])],
        }, cancellationToken);
        cache.Invalidate(versionId);
        return true;
    }

    public async Task<JsonObject?> ExportAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default)
    {
        var version = await store.FindAsync(definitionId, versionOptions, cancellationToken);
        if (version is null) return null;
        var export = new JsonObject { ["$schema"] = WorkflowDefinitionJson.SchemaUrl };
        foreach (var (name, value) in version.WithSyncedModel().Model)
            if (name != "$schema") export[name] = value?.DeepClone();
        return export;
    }

    public Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default) =>
        store.FindAsync(definitionId, versionOptions, cancellationToken);

    public Task<WorkflowDefinitionVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken = default) =>
        store.FindByIdAsync(versionId, cancellationToken);

    public Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        store.ListVersionsAsync(definitionId, cancellationToken);

    public IReadOnlyList<ValidationError> Validate(JsonObject model)
    {
        try { return validator.Validate(definitionJson.Normalize(model)); }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or FormatException)
        {
            return [new ValidationError(null, $"The definition cannot be read: {exception.Message}")];
        }
    }

    private void SignalTimers(DefinitionCommit commit)
    {
        if (commit.TimersAdded.Count > 0) timerSignal.Notify(commit.TimersAdded.Min(t => t.DueAt));
    }
}
