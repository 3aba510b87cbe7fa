using MediatR;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.Workflows.Notifications;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// What the rehearsal sees of a run: the human tasks the engine opens (the actors' inboxes) and the domain events of
/// the chain (requests, submissions, decisions, reminders). Its handlers run inside the engine's commits beside the
/// domain's own handlers, so it sees exactly what the database records; one run drives the engine from one thread.
/// </summary>
public sealed class RehearsalObserver :
    INotificationHandler<RunTaskRequested>,
    INotificationHandler<ReportsRequested>,
    INotificationHandler<ReportsConsolidated>,
    INotificationHandler<ReportSubmittedUpward>,
    INotificationHandler<ReportReceived>,
    INotificationHandler<ReportReturned>,
    INotificationHandler<ApprovalDecided>,
    INotificationHandler<ReminderDue>,
    INotificationHandler<EscalationRaised>,
    INotificationHandler<DeadlineResolved>,
    INotificationHandler<PlanTaskAssigned>,
    INotificationHandler<PlanTaskProgressReported>
{
    private readonly Queue<RunTaskRequested> _newTasks = new();

    public List<ReportsRequested> Requests { get; } = [];
    public List<ReportsConsolidated> Consolidations { get; } = [];
    public List<ReportSubmittedUpward> Submissions { get; } = [];
    public List<ReportReceived> Receipts { get; } = [];
    public List<ReportReturned> Returns { get; } = [];
    public List<ApprovalDecided> Decisions { get; } = [];
    public List<ReminderDue> Reminders { get; } = [];
    public List<EscalationRaised> Escalations { get; } = [];
    public List<DeadlineResolved> Deadlines { get; } = [];
    public List<PlanTaskAssigned> PlanTasks { get; } = [];
    public List<PlanTaskProgressReported> PlanTaskProgress { get; } = [];
    public int TasksOpened { get; private set; }

    /// <summary>Tasks opened since the last call, in the order the engine opened them.</summary>
    public IReadOnlyList<RunTaskRequested> TakeNewTasks()
    {
        var tasks = _newTasks.ToList();
        _newTasks.Clear();
        return tasks;
    }

    public Task Handle(RunTaskRequested notification, CancellationToken cancellationToken)
    {
        TasksOpened++;
        _newTasks.Enqueue(notification);
        return Task.CompletedTask;
    }

    public Task Handle(ReportsRequested notification, CancellationToken cancellationToken) => Add(Requests, notification);
    public Task Handle(ReportsConsolidated notification, CancellationToken cancellationToken) => Add(Consolidations, notification);
    public Task Handle(ReportSubmittedUpward notification, CancellationToken cancellationToken) => Add(Submissions, notification);
    public Task Handle(ReportReceived notification, CancellationToken cancellationToken) => Add(Receipts, notification);
    public Task Handle(ReportReturned notification, CancellationToken cancellationToken) => Add(Returns, notification);
    public Task Handle(ApprovalDecided notification, CancellationToken cancellationToken) => Add(Decisions, notification);
    public Task Handle(ReminderDue notification, CancellationToken cancellationToken) => Add(Reminders, notification);
    public Task Handle(EscalationRaised notification, CancellationToken cancellationToken) => Add(Escalations, notification);
    public Task Handle(DeadlineResolved notification, CancellationToken cancellationToken) => Add(Deadlines, notification);
    public Task Handle(PlanTaskAssigned notification, CancellationToken cancellationToken) => Add(PlanTasks, notification);
    public Task Handle(PlanTaskProgressReported notification, CancellationToken cancellationToken) => Add(PlanTaskProgress, notification);

    private static Task Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return Task.CompletedTask;
    }
}
