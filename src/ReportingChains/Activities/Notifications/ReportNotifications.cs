using MediatR;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Activities.Notifications;

/// <summary>
/// DraftReport opened the drafting task <see cref="TaskId"/> for the report <see cref="ReportId"/> of
/// <see cref="UnitCode"/> (created when the chain has none yet). <see cref="ChildrenTotals"/>, when the chain requested
/// reports from its children, is the sum of their approved or received indicators: it pre-fills the draft.
/// </summary>
public sealed record ReportDraftOpened(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string LevelKey, string UnitCode, Guid ReportId,
    string TaskId, string DrafterUnitCode, ChildrenTotals? ChildrenTotals, DateTimeOffset OpenedAt) : INotification;

/// <summary>The drafter saved <see cref="Draft"/> as the content of the current draft version; the task stays open.
/// <see cref="Revision"/> counts the saves of this drafting task.</summary>
public sealed record ReportDraftSaved(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string UnitCode, Guid ReportId, string TaskId,
    int Version, int Revision, ReportDraft Draft, string SavedBy, DateTimeOffset SavedAt) : INotification;

/// <summary>
/// A save or submission was refused (<see cref="Errors"/>, each naming its field, Vietnamese messages); the task stays
/// open. <see cref="KeptDraft"/> is the content still saved as the draft so nothing typed is lost — null when the
/// content itself cannot be stored (an unknown section or indicator, a bad local indicator).
/// </summary>
public sealed record ReportDraftRefused(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string UnitCode, Guid ReportId, string TaskId,
    string Action, IReadOnlyList<ReportError> Errors, ReportDraft? KeptDraft, string By, DateTimeOffset RefusedAt) : INotification;

/// <summary>The drafter submitted <see cref="Draft"/> (version <see cref="Version"/>) to the unit's collective.</summary>
public sealed record ReportDraftSubmitted(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string UnitCode, Guid ReportId, string TaskId,
    int Version, ReportDraft Draft, string SubmittedBy, DateTimeOffset SubmittedAt) : INotification;

/// <summary>
/// Consolidate summed the accepted reports of the units this chain requested: <see cref="Totals"/> goes into the
/// running unit's report <see cref="ReportId"/> (created when missing) to pre-fill its draft.
/// </summary>
public sealed record ReportsConsolidated(
    string WorkflowInstanceId, string ActivityInstanceId, string PlanId, string LevelKey, string UnitCode, Guid ReportId,
    ChildrenTotals Totals, IReadOnlyList<string> Reported, IReadOnlyList<string> Missing, DateTimeOffset ConsolidatedAt) : INotification;
