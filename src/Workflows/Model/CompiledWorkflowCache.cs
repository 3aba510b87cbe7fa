using System.Collections.Concurrent;
using WorkflowHost.Workflows.Definitions;

namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Compiled definition versions by version id. Published versions never change; a draft saved in place is
/// invalidated by the definitions service (on other hosts a draft edit shows after <see cref="Invalidate"/> or restart).
/// A resume asks by version id only (<see cref="GetAsync"/>), so once a version is compiled no burst reads or parses
/// its JSON again.
/// </summary>
public sealed class CompiledWorkflowCache(WorkflowCompiler compiler)
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _cache = new();

    public CompiledWorkflow Get(WorkflowDefinitionVersion version) =>
        _cache.GetOrAdd(version.Id, _ => compiler.Compile(version.Model));

    /// <summary>The compiled version, loading it with <paramref name="load"/> only when not cached; null when it does not exist.</summary>
    public async ValueTask<CompiledWorkflow?> GetAsync(string versionId, Func<string, Task<WorkflowDefinitionVersion?>> load)
    {
        if (_cache.TryGetValue(versionId, out var compiled)) return compiled;
        return await load(versionId) is { } version ? Get(version) : null;
    }

    public void Invalidate(string versionId) => _cache.TryRemove(versionId, out _);
}
