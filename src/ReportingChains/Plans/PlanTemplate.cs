namespace WorkflowHost.ReportingChains.Plans;

/// <summary>What kind of plan: an interim review (sơ kết), a final review (tổng kết) or an implementation plan (thực hiện).</summary>
public enum PlanKind
{
    InterimReview,
    FinalReview,
    Implementation,
}

/// <summary>
/// A plan (Kế hoạch) as data: who issued it, what it reviews, which units report at which level, by when, via whom,
/// and what a report must hold (the outline and the statistics appendix). Workflows reference it by <see cref="Id"/>.
/// Built by <see cref="Json.PlanTemplateReader"/>, which validates it.
/// </summary>
public sealed class PlanTemplate
{
    private List<DocumentReference> _directives = [];
    private List<DocumentReference> _relatedDocuments = [];
    private List<LevelProvision> _levels = [];
    private List<Milestone> _milestones = [];
    private List<OutlineSection> _outline = [];
    private List<Indicator> _indicators = [];
    private List<PlanTask> _tasks = [];
    private List<PlanTarget> _targets = [];

    private PlanTemplate() { } // for EF

    public PlanTemplate(
        string id, string? number, DateOnly? issueDate, string? issueDateText, string issuingBody, string? signedBy,
        PlanKind kind, string subject, string? form, IEnumerable<DocumentReference> directives,
        IEnumerable<DocumentReference> relatedDocuments, ReviewPeriod? period, DateOnly asOf,
        IEnumerable<LevelProvision> levels, IEnumerable<Milestone> milestones, IEnumerable<OutlineSection> outline,
        IEnumerable<Indicator> indicators, LocalIndicatorPolicy localIndicators, IEnumerable<PlanTask> tasks,
        IEnumerable<PlanTarget> targets)
    {
        Id = id;
        Number = number;
        IssueDate = issueDate;
        IssueDateText = issueDateText;
        IssuingBody = issuingBody;
        SignedBy = signedBy;
        Kind = kind;
        Subject = subject;
        Form = form;
        _directives = [.. directives];
        _relatedDocuments = [.. relatedDocuments];
        Period = period;
        AsOf = asOf;
        _levels = [.. levels];
        _milestones = [.. milestones];
        _outline = [.. outline];
        _indicators = [.. indicators];
        LocalIndicators = localIndicators;
        _tasks = [.. tasks];
        _targets = [.. targets];
    }

    /// <summary>Stable key a workflow uses to reference the plan (e.g. "000"); lower-case letters, digits, dashes.</summary>
    public string Id { get; private set; } = "";

    /// <summary>Number and symbol, e.g. "113-KH/TU"; null when the document leaves it blank.</summary>
    public string? Number { get; private set; }

    /// <summary>Date of issue; null when the document leaves it blank (see <see cref="IssueDateText"/>).</summary>
    public DateOnly? IssueDate { get; private set; }

    /// <summary>The date line as written when it is incomplete, e.g. "ngày... tháng 01 năm 2019".</summary>
    public string? IssueDateText { get; private set; }

    /// <summary>Organisation unit code of the issuing body, e.g. "TU".</summary>
    public string IssuingBody { get; private set; } = "";

    /// <summary>The signature block as written, e.g. "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ Nguyễn Mạnh Hùng".</summary>
    public string? SignedBy { get; private set; }

    public PlanKind Kind { get; private set; }
    public string Subject { get; private set; } = "";

    /// <summary>How the review is held, as written: "Bằng văn bản", "Hội nghị sơ kết trực tuyến".</summary>
    public string? Form { get; private set; }

    /// <summary>The directives / conclusions the plan reviews or implements (e.g. Chỉ thị 21-CT/TU).</summary>
    public IReadOnlyList<DocumentReference> Directives => _directives;

    /// <summary>Documents that triggered the plan or that it cites.</summary>
    public IReadOnlyList<DocumentReference> RelatedDocuments => _relatedDocuments;

    public ReviewPeriod? Period { get; private set; }

    /// <summary>The date of the organisation tree the plan runs on; the issue date unless the file says otherwise.</summary>
    public DateOnly AsOf { get; private set; }

    public IReadOnlyList<LevelProvision> Levels => _levels;
    public IReadOnlyList<Milestone> Milestones => _milestones;
    public IReadOnlyList<OutlineSection> Outline => _outline;
    public IReadOnlyList<Indicator> Indicators => _indicators;
    public LocalIndicatorPolicy LocalIndicators { get; private set; } = LocalIndicatorPolicy.NotAllowed;
    public IReadOnlyList<PlanTask> Tasks => _tasks;
    public IReadOnlyList<PlanTarget> Targets => _targets;

    /// <summary>All outline sections, depth first, in document order.</summary>
    public IEnumerable<OutlineSection> AllSections() => _outline.SelectMany(s => s.SelfAndDescendants());

    public OutlineSection? FindSection(string number) =>
        AllSections().FirstOrDefault(s => s.Number == number);

    public Indicator? FindIndicator(string code) => _indicators.FirstOrDefault(i => i.Code == code);

    public PlanTarget? FindTarget(string code) => _targets.FirstOrDefault(t => t.Code == code);

    public LevelProvision? FindLevel(string key) => _levels.FirstOrDefault(l => l.Key == key);

    /// <summary>
    /// Every organisation unit code the plan names (issuer, reporting units, recipients, via, drafters, urging bodies,
    /// milestone and task owners), so an import can check them against the organisation tree as of <see cref="AsOf"/>.
    /// </summary>
    public IReadOnlySet<string> ReferencedUnitCodes()
    {
        static IEnumerable<string> Selected(IEnumerable<UnitSelector> selectors) =>
            selectors.SelectMany(s => s.Units.Concat(s.Under is null ? [] : [s.Under]));

        var codes = new SortedSet<string>(StringComparer.Ordinal) { IssuingBody };
        foreach (var level in _levels)
        {
            codes.UnionWith(Selected(level.ReportingUnits));
            codes.UnionWith(new[] { level.Recipient, level.Via, level.Drafter }.OfType<string>());
            codes.UnionWith(level.CoDrafters);
            codes.UnionWith(level.UrgingBodies);
        }
        codes.UnionWith(_milestones.Select(m => m.Unit).OfType<string>());
        foreach (var task in _tasks)
        {
            codes.UnionWith(Selected(task.Directing.Concat(task.Executing)));
            codes.UnionWith(task.Milestones.Select(m => m.Unit).OfType<string>());
        }
        return codes;
    }
}
