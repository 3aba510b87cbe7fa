using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Where the chain activities find a plan by id (for its organisation-tree date). Optional: without a registration
/// the date must come from the activity input or the workflow input <c>asOf</c>.
/// </summary>
public interface IPlanTemplates
{
    Task<PlanTemplate?> FindAsync(string planId, CancellationToken cancellationToken = default);
}

/// <summary>Plans held in memory, e.g. those <see cref="Plans.Json.PlanTemplateDirectory"/> read from <c>workflows/plans</c> at start-up.</summary>
public sealed class PlanTemplateCatalog(IEnumerable<PlanTemplate> templates) : IPlanTemplates
{
    private readonly IReadOnlyDictionary<string, PlanTemplate> _byId = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public Task<PlanTemplate?> FindAsync(string planId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byId.GetValueOrDefault(planId));
}
