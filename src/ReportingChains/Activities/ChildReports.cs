using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Reports.Consolidation;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// The children of a unit's chain and their reports, for DraftReport's pre-fill and Consolidate. One rule: the
/// children are the units this workflow instance's <see cref="RequestReports"/> activities requested (their
/// <c>Reported</c> and <c>Laggards</c> outputs), and a child's report is the one its own chain instance keeps — a child
/// instance of this one (RequestReports dispatched it) for the same plan. Only accepted versions (approved by the
/// child's collective or received by the via body) count (<see cref="ReportConsolidator"/>).
/// </summary>
internal static class ChildReports
{
    /// <summary>The requested units, in request order; empty when the chain requested none (a unit with no children).</summary>
    public static IReadOnlyList<string> RequestedUnits(ActivityExecutionContext context)
    {
        var root = context.Node;
        while (root.Parent is not null) root = root.Parent;
        var units = new List<string>();
        foreach (var node in SelfAndDescendants(root).Where(n => n.Type == RequestReportsType))
            foreach (var output in new[] { "Reported", "Laggards" })
                if (context.GetOutput(node.Id, output) is JsonArray codes)
                    units.AddRange(codes.OfType<JsonValue>().Select(v => v.GetValue<string>()));
        return units.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The consolidation over <paramref name="expectedUnits"/> (default: <see cref="RequestedUnits"/>); null when there
    /// are no expected units.
    /// </summary>
    public static async Task<ConsolidatedReport?> ConsolidateAsync(ActivityExecutionContext context, PlanTemplate plan,
        IReadOnlyList<string>? expectedUnits = null)
    {
        var expected = expectedUnits ?? RequestedUnits(context);
        if (expected.Count == 0) return null;
        var children = await context.Services.GetRequiredService<IWorkflowQueryStore>().QueryInstancesAsync(
            new WorkflowInstanceQuery { ParentWorkflowInstanceId = context.WorkflowInstanceId }, context.CancellationToken);
        var reports = await context.Services.GetRequiredService<IReportRepository>().ListForInstancesAsync(
            plan.Id, children.Items.Select(i => i.Id).ToList(), context.CancellationToken);
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        // A unit requested twice in one chain (a retried request) has one report per child instance: its accepted one counts.
        var oneReportPerUnit = reports.Where(r => expectedSet.Contains(r.UnitCode))
            .GroupBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.LatestAccepted is null ? 1 : 0).ThenByDescending(r => r.Current.UpdatedAtUtc).First());
        return ReportConsolidator.Consolidate(plan, expected, oneReportPerUnit);
    }

    private const string RequestReportsType = ChainActivity.Namespace + "." + nameof(RequestReports);

    private static IEnumerable<ActivityNode> SelfAndDescendants(ActivityNode node) =>
        node.Ports.Values.SelectMany(children => children).SelectMany(SelfAndDescendants).Prepend(node);
}
