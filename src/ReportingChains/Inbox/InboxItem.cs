namespace WorkflowHost.ReportingChains.Inbox;

public enum InboxItemStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>What kind of work an item is; decides which page handles it (today only RunTask has a generic page).</summary>
public static class InboxItemKinds
{
    public const string RunTask = "RunTask";
    public const string DraftReport = "DraftReport";
    public const string Vote = "Vote";
    public const string Escalation = "Escalation";
}

/// <summary>
/// One piece of work in the Hộp việc: an engine human task (or, later, a domain task) waiting for someone of a unit.
/// Who sees it: the members of <see cref="UnitCode"/> (as of the day they look) whose membership matches
/// <see cref="RequiredRole"/>, plus the <see cref="Assignees"/> by user name; without a unit and assignees only
/// admins and designers see it (see <see cref="InboxAudience"/>).
/// </summary>
public sealed class InboxItem
{
    private List<string> _assignees = [];

    private InboxItem() { } // for EF

    public Guid Id { get; private set; }

    /// <summary>The engine task id (RunTask) that completing the item resumes; unique.</summary>
    public string TaskId { get; private set; } = "";

    public string WorkflowInstanceId { get; private set; } = "";
    public string? WorkflowDefinitionId { get; private set; }
    public string Kind { get; private set; } = InboxItemKinds.RunTask;
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public string? UnitCode { get; private set; }

    /// <summary><c>Drafter</c>, <c>Head</c>, <c>Collective</c>, a <see cref="Organisation.MemberRole"/> name, or null for any member.</summary>
    public string? RequiredRole { get; private set; }

    /// <summary>User names that see the item whatever their memberships.</summary>
    public IReadOnlyList<string> Assignees => _assignees;

    /// <summary>The task's payload as the workflow gave it (JSON object text), for the detail view.</summary>
    public string? PayloadJson { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? DueAtUtc { get; private set; }
    public InboxItemStatus Status { get; private set; }
    public string? CompletedBy { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public string? ResultJson { get; private set; }

    public static InboxItem Open(string taskId, string workflowInstanceId, string? workflowDefinitionId, string kind,
        string title, string? description, string? unitCode, string? requiredRole, IEnumerable<string> assignees,
        string? payloadJson, DateTimeOffset createdAt, DateTimeOffset? dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowInstanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new InboxItem
        {
            Id = Guid.NewGuid(),
            TaskId = taskId,
            WorkflowInstanceId = workflowInstanceId,
            WorkflowDefinitionId = workflowDefinitionId,
            Kind = kind,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            UnitCode = string.IsNullOrWhiteSpace(unitCode) ? null : unitCode.Trim(),
            RequiredRole = string.IsNullOrWhiteSpace(requiredRole) ? null : requiredRole.Trim(),
            _assignees = assignees.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            PayloadJson = payloadJson,
            CreatedAtUtc = createdAt.UtcDateTime,
            DueAtUtc = dueAt?.UtcDateTime,
            Status = InboxItemStatus.Open,
        };
    }

    /// <summary>The task was completed (by <paramref name="by"/> through the inbox, or by anyone through the engine's API).</summary>
    public void MarkDone(string? by, DateTimeOffset at, string? resultJson)
    {
        if (Status != InboxItemStatus.Open) return; // the engine's notification after our own completion: already recorded
        Status = InboxItemStatus.Done;
        CompletedBy = by;
        CompletedAtUtc = at.UtcDateTime;
        ResultJson = resultJson;
    }

    /// <summary>The instance ended without the task being completed (cancelled, faulted, finished another way).</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status != InboxItemStatus.Open) return;
        Status = InboxItemStatus.Cancelled;
        CompletedAtUtc = at.UtcDateTime;
    }
}
