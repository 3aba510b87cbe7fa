namespace WorkflowHost.ReportingChains.Plans;

/// <summary>Who fixes a level's deadline.</summary>
public enum DeadlineSource
{
    /// <summary>The plan states it (<see cref="LevelProvision.Deadline"/>).</summary>
    Plan,
    /// <summary>Each unit of the parent level sets it for its children at run time (plan 002's cơ sở).</summary>
    ParentLevel,
    /// <summary>Set when the workflow is started ("theo quy định").</summary>
    RunTime,
}

/// <summary>
/// What the plan says about one level of the chain: which units report, to whom and via which body, whether their
/// collective approves first, by when, who urges laggards. The workflow uses these as its defaults.
/// </summary>
public sealed class LevelProvision
{
    private List<UnitSelector> _reportingUnits = [];
    private List<string> _coDrafters = [];
    private List<string> _urgingBodies = [];
    private List<int> _reminderOffsetDays = [];

    private LevelProvision() { } // for EF

    public LevelProvision(string key, string name, IEnumerable<UnitSelector> reportingUnits, string? parentLevel,
        string? recipient, string? recipientText, string? via, bool collectiveApproval, string? approvedBy,
        string? drafter, IEnumerable<string> coDrafters, DeadlineSource deadlineSource, string? deadline,
        string? deadlineText, IEnumerable<string> urgingBodies, IEnumerable<int> reminderOffsetDays,
        int? escalationGraceDays, PlanRecurrence? recurrence)
    {
        Key = key;
        Name = name;
        _reportingUnits = [.. reportingUnits];
        ParentLevel = parentLevel;
        Recipient = recipient;
        RecipientText = recipientText;
        Via = via;
        CollectiveApproval = collectiveApproval;
        ApprovedBy = approvedBy;
        Drafter = drafter;
        _coDrafters = [.. coDrafters];
        DeadlineSource = deadlineSource;
        Deadline = deadline;
        DeadlineText = deadlineText;
        _urgingBodies = [.. urgingBodies];
        _reminderOffsetDays = [.. reminderOffsetDays];
        EscalationGraceDays = escalationGraceDays;
        Recurrence = recurrence;
    }

    /// <summary>Unique in the plan, e.g. "co-so", "huyen", "tinh".</summary>
    public string Key { get; private set; } = "";

    /// <summary>Vietnamese name shown to users, e.g. "Cấp huyện".</summary>
    public string Name { get; private set; } = "";

    public IReadOnlyList<UnitSelector> ReportingUnits => _reportingUnits;

    /// <summary>Key of the level this level's reports go to; null for the top level.</summary>
    public string? ParentLevel { get; private set; }

    /// <summary>Unit code the report is sent to; null = the unit running the parent level.</summary>
    public string? Recipient { get; private set; }

    /// <summary>The recipient as written, e.g. "Thường trực Tỉnh ủy", "Ban Bí thư Trung ương Đảng".</summary>
    public string? RecipientText { get; private set; }

    /// <summary>The body the report goes through (qua …); null = none named by the plan.</summary>
    public string? Via { get; private set; }

    /// <summary>The unit's collective passes the report before it is sent (thông qua tập thể).</summary>
    public bool CollectiveApproval { get; private set; }

    /// <summary>The collective as written, e.g. "tập thể ban thường vụ cấp ủy".</summary>
    public string? ApprovedBy { get; private set; }

    /// <summary>Unit that drafts the level's report when it is not the reporting unit itself (a ban "tham mưu").</summary>
    public string? Drafter { get; private set; }

    public IReadOnlyList<string> CoDrafters => _coDrafters;

    public DeadlineSource DeadlineSource { get; private set; }

    /// <summary>Deadline phrase for the deadline parser, e.g. "trước ngày 30/9/2022"; null unless set by the plan.</summary>
    public string? Deadline { get; private set; }

    /// <summary>The wording of the plan when it differs from <see cref="Deadline"/>.</summary>
    public string? DeadlineText { get; private set; }

    /// <summary>Bodies that monitor and urge (theo dõi, đôn đốc) and receive escalations.</summary>
    public IReadOnlyList<string> UrgingBodies => _urgingBodies;

    /// <summary>Reminder times in days relative to the deadline (negative = before), e.g. -7, -3, -1, 1.</summary>
    public IReadOnlyList<int> ReminderOffsetDays => _reminderOffsetDays;

    /// <summary>Days after the deadline before a laggard is escalated to the urging bodies.</summary>
    public int? EscalationGraceDays { get; private set; }

    /// <summary>For periodic reports: when they recur.</summary>
    public PlanRecurrence? Recurrence { get; private set; }
}
