using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>A rule turned into a moment. <see cref="LastDay"/> is the last local day on which handing in is on time;
/// <see cref="DueUtc"/> is the end of that day in Asia/Ho_Chi_Minh (the exclusive instant timers fire at).</summary>
public sealed record ResolvedDeadline(DeadlineRule Rule, DateOnly LastDay, DateTimeOffset DueUtc, DateOnly? WindowStart = null)
{
    /// <summary>The due instant with Vietnam's offset (+07:00), for display.</summary>
    public DateTimeOffset DueLocal => VietnamTime.ToLocal(DueUtc);

    /// <summary>E.g. "hết ngày 29/09/2022".</summary>
    public string DisplayText => "hết ngày " + VietnameseDateText.Day(LastDay);

    public bool IsOverdueAt(DateTimeOffset instant) => instant >= DueUtc;
}

/// <summary>What a rule may need at run time: the parent level's resolved deadline (for relative and parent-set
/// rules) and the parent's choice (for <see cref="SetByParentRule"/>).</summary>
public sealed record DeadlineContext(ResolvedDeadline? ParentDeadline = null, DeadlineRule? ChosenByParent = null)
{
    public static DeadlineContext None { get; } = new();
}
