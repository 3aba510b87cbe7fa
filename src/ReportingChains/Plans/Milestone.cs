namespace WorkflowHost.ReportingChains.Plans;

/// <summary>A dated event of the plan that is not a report hand-off, e.g. the online review conference.</summary>
public sealed class Milestone
{
    private Milestone() { } // for EF

    public Milestone(string name, string? unit, string due, string? dueText)
    {
        Name = name;
        Unit = unit;
        Due = due;
        DueText = dueText;
    }

    public string Name { get; private set; } = "";

    /// <summary>Unit code that organises or completes it.</summary>
    public string? Unit { get; private set; }

    /// <summary>Deadline phrase, e.g. "cuối tháng 7/2014".</summary>
    public string Due { get; private set; } = "";

    public string? DueText { get; private set; }
}
