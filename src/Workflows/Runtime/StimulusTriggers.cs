using Microsoft.Extensions.Logging;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>A stimulus trigger of a published version that listens for a stimulus.</summary>
public sealed record StimulusTriggerMatch(CompiledWorkflow Workflow, ActivityNode Node, IStimulusTrigger Trigger);

/// <summary>
/// Finds the published versions whose <see cref="IStimulusTrigger"/> activities (canStartWorkflow) listen for a
/// bookmark name and stimulus key. The published version ids are read from the store on every lookup (publish and
/// retract on any host show at once); the versions themselves come from <see cref="CompiledWorkflowCache"/>.
/// </summary>
public sealed class StimulusTriggers(CompiledWorkflowCache cache, ExpressionEvaluator evaluator, ActivityRegistry registry, ILogger<StimulusTriggers> logger)
{
    // Bookmark names some registered trigger listens for: other stimuli (most domain resumes) cost no read.
    private readonly IReadOnlySet<string> _listenedFor = registry.All.Select(r => r.Activity).OfType<IStimulusTrigger>()
        .Select(t => t.BookmarkName).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<StimulusTriggerMatch>> FindAsync(IWorkflowDefinitionStore definitions, string bookmarkName, string stimulusKey,
        CancellationToken cancellationToken)
    {
        if (!_listenedFor.Contains(bookmarkName)) return [];
        var matches = new List<StimulusTriggerMatch>();
        foreach (var versionId in await definitions.ListPublishedVersionIdsAsync(cancellationToken))
        {
            if (await cache.GetAsync(versionId, id => definitions.FindByIdAsync(id, cancellationToken)) is not { } workflow) continue;
            foreach (var node in workflow.NodesById.Values)
                if (node.CanStartWorkflow && node.Registration?.Activity is IStimulusTrigger trigger && trigger.BookmarkName == bookmarkName
                    && KeyOf(workflow, node, trigger) == stimulusKey)
                    matches.Add(new StimulusTriggerMatch(workflow, node, trigger));
        }
        return matches;
    }

    private string? KeyOf(CompiledWorkflow workflow, ActivityNode node, IStimulusTrigger trigger)
    {
        try
        {
            return trigger.StimulusKey(TriggerContext.For(node, evaluator));
        }
        catch (Exception exception)
        {
            // An expression that needs an instance cannot be a trigger key; the version simply does not trigger.
            logger.LogWarning(exception, "Trigger {ActivityId} of workflow version {VersionId} has no evaluable key: {Message}",
                node.Id, workflow.VersionId, exception.Message);
            return null;
        }
    }
}
