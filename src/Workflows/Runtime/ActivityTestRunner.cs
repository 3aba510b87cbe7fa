using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// Runs one activity of a definition version on its own (Studio's "Test" tab): a throwaway instance whose only
/// scheduled activity is that node (a container runs its children), run as one burst whose commit is built and
/// dropped — no instance, bookmark, timer, record, journal entry or notification is stored or published. What the
/// activity does outside the engine (e.g. a call to another system) still happens, as in Elsa.
/// </summary>
public sealed class ActivityTestRunner(WorkflowRuntime runtime, IServiceScopeFactory scopeFactory, CompiledWorkflowCache cache, TimeProvider timeProvider)
{
    /// <summary>The activity's execution record after the run, or null when the version has no such node.</summary>
    public async Task<ActivityExecutionRecord?> RunAsync(WorkflowDefinitionVersion version, string activityNodeId, CancellationToken cancellationToken = default)
    {
        var workflow = cache.Get(version);
        if (!workflow.NodesByNodeId.TryGetValue(activityNodeId, out var node)) return null;
        var now = timeProvider.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = Ids.New(),
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            Version = version.Version,
            Name = version.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Variables) instance.Variables[variable.Id] = WorkflowExecution.InitialValue(variable);

        await using var scope = scopeFactory.CreateAsyncScope();
        var execution = new WorkflowExecution(runtime, scope.ServiceProvider, instance, workflow, isNew: true, cancellationToken);
        var state = execution.Schedule(node, null, null, null, null);
        await execution.RunAsync();
        return execution.BuildCommit().ActivityRecords.FirstOrDefault(r => r.Id == state.Id);
    }
}
