using System.Collections.Concurrent;
using WorkflowHost.Workflows.Definitions;

namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Compiled definition versions by version id. Published versions never change; a draft saved in place is
/// invalidated by the definitions service (on other hosts a draft edit shows after <see cref="Invalidate"/> or restart).
/// </summary>
public sealed class CompiledWorkflowCache(WorkflowCompiler compiler)
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _cache = new();

    public CompiledWorkflow Get(WorkflowDefinitionVersion version) =>
        _cache.GetOrAdd(version.Id, _ => compiler.Compile(version.Model));

    public void Invalidate(string versionId) => _cache.TryRemove(versionId, out _);
}
