namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// The incident strategies the engine understands, by the type names Elsa stores in a definition's
/// <c>options.incidentStrategyType</c> (for <c>GET /descriptors/incident-strategies</c>). No value = Fault.
/// </summary>
public static class IncidentStrategies
{
    public const string Fault = "Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core";
    public const string ContinueWithIncidents = "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core";

    public static readonly IReadOnlyList<(string TypeName, string DisplayName, string Description)> All =
    [
        (Fault, "Fault", "The workflow is faulted when an activity faults (Finished/Faulted); retry continues it."),
        (ContinueWithIncidents, "Continue with incidents", "The incident is recorded, the faulted activity's outbound paths are not followed, the rest goes on."),
    ];
}
