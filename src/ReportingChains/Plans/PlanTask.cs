namespace WorkflowHost.ReportingChains.Plans;

/// <summary>The three task groups of an implementation plan.</summary>
public enum TaskGroup
{
    /// <summary>Nhiệm vụ cần làm ngay.</summary>
    Immediate,
    /// <summary>Nhiệm vụ theo lộ trình.</summary>
    Roadmap,
    /// <summary>Nhiệm vụ thường xuyên.</summary>
    Standing,
}

/// <summary>
/// A task of an implementation plan (nhiệm vụ) with its directing body (trách nhiệm chỉ đạo), executing body
/// (trách nhiệm thực hiện), due rule and recurrence.
/// </summary>
public sealed class PlanTask
{
    private List<UnitSelector> _directing = [];
    private List<UnitSelector> _executing = [];
    private List<Milestone> _milestones = [];

    private PlanTask() { } // for EF

    public PlanTask(string number, TaskGroup group, string title, string? content,
        IEnumerable<UnitSelector> directing, string? directingText, IEnumerable<UnitSelector> executing,
        string? executingText, string? due, string? dueText, IEnumerable<Milestone> milestones,
        PlanRecurrence? recurrence)
    {
        Number = number;
        Group = group;
        Title = title;
        Content = content;
        _directing = [.. directing];
        DirectingText = directingText;
        _executing = [.. executing];
        ExecutingText = executingText;
        Due = due;
        DueText = dueText;
        _milestones = [.. milestones];
        Recurrence = recurrence;
    }

    /// <summary>As in the plan, e.g. "1.3"; unique in the plan.</summary>
    public string Number { get; private set; } = "";

    public TaskGroup Group { get; private set; }
    public string Title { get; private set; } = "";
    public string? Content { get; private set; }
    public IReadOnlyList<UnitSelector> Directing => _directing;
    public string? DirectingText { get; private set; }
    public IReadOnlyList<UnitSelector> Executing => _executing;
    public string? ExecutingText { get; private set; }

    /// <summary>Deadline phrase for the deadline parser, e.g. "trước ngày 25/7/2026"; null for standing tasks.</summary>
    public string? Due { get; private set; }

    /// <summary>The plan's "Thời gian hoàn thành / thực hiện" as written.</summary>
    public string? DueText { get; private set; }

    /// <summary>Dated steps inside the task, e.g. groundbreaking and opening of a works.</summary>
    public IReadOnlyList<Milestone> Milestones => _milestones;

    public PlanRecurrence? Recurrence { get; private set; }
}
