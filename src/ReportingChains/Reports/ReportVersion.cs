using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>The text a report gives for one outline section.</summary>
public sealed class SectionText
{
    private SectionText() { } // for EF

    internal SectionText(string sectionNumber, string text)
    {
        SectionNumber = sectionNumber;
        Text = text;
    }

    public string SectionNumber { get; private set; } = "";
    public string Text { get; private set; } = "";
}

/// <summary>
/// One indicator line of a report: the unit's own value and, when it has children, the sum of their approved values.
/// Both are kept so a difference between what the unit reports and what its children reported stays visible.
/// </summary>
public sealed class IndicatorEntry
{
    private IndicatorEntry() { } // for EF

    internal IndicatorEntry(string code, decimal? value, decimal? childrenSum)
    {
        Code = code;
        Value = value;
        ChildrenSum = childrenSum;
    }

    public string Code { get; private set; } = "";

    /// <summary>The value the unit reports; pre-filled with <see cref="ChildrenSum"/>, which the drafter may change.</summary>
    public decimal? Value { get; internal set; }

    /// <summary>The sum of the children's approved values; null when the unit has no children's figures.</summary>
    public decimal? ChildrenSum { get; internal set; }

    public bool DiffersFromChildren => ChildrenSum is not null && Value != ChildrenSum;
}

/// <summary>An indicator the unit added (see <see cref="LocalIndicatorPolicy"/>).</summary>
public sealed class LocalIndicator
{
    private LocalIndicator() { } // for EF

    internal LocalIndicator(string code, string name, string unit, IndicatorKind kind)
    {
        Code = code;
        Name = name;
        Unit = unit;
        Kind = kind;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public IndicatorKind Kind { get; private set; }

    public LocalIndicatorDefinition ToDefinition() => new(Code, Name, Unit, Kind);
}

public enum ReportCommentKind
{
    Note,
    Approval,
    Rejection,
    Return,
    Receipt,
}

/// <summary>A comment on a version: a drafter's note, the collective's comments, the via body's reasons.</summary>
public sealed class ReportComment
{
    private ReportComment() { } // for EF

    internal ReportComment(ReportCommentKind kind, string author, DateTime atUtc, string text)
    {
        Kind = kind;
        Author = author;
        AtUtc = atUtc;
        Text = text;
    }

    public ReportCommentKind Kind { get; private set; }
    public string Author { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Text { get; private set; } = "";
}

/// <summary>
/// One version of a report. Versions are never deleted: a rejected or returned version stays as it was and a new
/// draft version continues from it.
/// </summary>
public sealed class ReportVersion
{
    private List<SectionText> _sections = [];
    private List<IndicatorEntry> _indicators = [];
    private List<LocalIndicator> _localIndicators = [];
    private List<ReportComment> _comments = [];

    private ReportVersion() { } // for EF

    internal ReportVersion(int number, int? basedOn, string by, DateTime atUtc)
    {
        Number = number;
        BasedOn = basedOn;
        Status = ReportStatus.Draft;
        CreatedBy = UpdatedBy = by;
        CreatedAtUtc = UpdatedAtUtc = atUtc;
    }

    public int Number { get; private set; }

    /// <summary>The version this one continues (after a rejection or a return); null for the first.</summary>
    public int? BasedOn { get; private set; }

    public ReportStatus Status { get; private set; }
    public IReadOnlyList<SectionText> Sections => _sections;
    public IReadOnlyList<IndicatorEntry> Indicators => _indicators;
    public IReadOnlyList<LocalIndicator> LocalIndicators => _localIndicators;
    public IReadOnlyList<ReportComment> Comments => _comments;
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public string? TextOf(string sectionNumber) =>
        _sections.FirstOrDefault(s => s.SectionNumber == sectionNumber)?.Text;

    public decimal? ValueOf(string code) => _indicators.FirstOrDefault(i => i.Code == code)?.Value;

    public IndicatorEntry? EntryOf(string code) => _indicators.FirstOrDefault(i => i.Code == code);

    public ReportDraft ToDraft() => new(
        _sections.ToDictionary(s => s.SectionNumber, s => s.Text, StringComparer.Ordinal),
        _indicators.Where(i => i.Value is not null)
            .ToDictionary(i => i.Code, i => i.Value!.Value, StringComparer.Ordinal),
        _localIndicators.Select(l => l.ToDefinition()).ToList());

    /// <summary>Replaces the content; children's sums are kept, they are not the drafter's to edit.</summary>
    internal void ReplaceContent(ReportDraft draft, string by, DateTime atUtc)
    {
        _sections = draft.SectionTexts
            .Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => new SectionText(s.Key, s.Value))
            .ToList();
        var sums = _indicators.Where(i => i.ChildrenSum is not null).ToDictionary(i => i.Code, i => i.ChildrenSum);
        _indicators = draft.IndicatorValues.Keys.Union(sums.Keys)
            .Select(code => new IndicatorEntry(code,
                draft.IndicatorValues.TryGetValue(code, out var value) ? value : null,
                sums.GetValueOrDefault(code)))
            .ToList();
        _localIndicators = draft.LocalIndicators.Select(l => new LocalIndicator(l.Code, l.Name, l.Unit, l.Kind)).ToList();
        Touch(by, atUtc);
    }

    /// <summary>
    /// Records the children's sums. A value the drafter has not changed from the previous sum follows the new sum;
    /// a value the drafter set differently is left alone.
    /// </summary>
    internal void ApplyChildrenSums(IReadOnlyDictionary<string, decimal> sums, string by, DateTime atUtc)
    {
        foreach (var (code, sum) in sums)
        {
            var entry = EntryOf(code);
            if (entry is null)
            {
                _indicators.Add(new IndicatorEntry(code, sum, sum));
                continue;
            }
            if (entry.Value is null || entry.Value == entry.ChildrenSum) entry.Value = sum;
            entry.ChildrenSum = sum;
        }
        Touch(by, atUtc);
    }

    internal void AddMissingLocalIndicators(IEnumerable<LocalIndicatorDefinition> definitions)
    {
        foreach (var definition in definitions)
            if (_localIndicators.All(l => l.Code != definition.Code))
                _localIndicators.Add(new LocalIndicator(definition.Code, definition.Name, definition.Unit, definition.Kind));
    }

    internal void ChangeStatus(ReportStatus status, string by, DateTime atUtc)
    {
        Status = status;
        Touch(by, atUtc);
    }

    internal void AddComment(ReportCommentKind kind, string author, DateTime atUtc, string text) =>
        _comments.Add(new ReportComment(kind, author, atUtc, text));

    /// <summary>A new draft continuing this version, with the same content.</summary>
    internal ReportVersion ContinueAsDraft(int number, string by, DateTime atUtc)
    {
        var next = new ReportVersion(number, Number, by, atUtc)
        {
            _sections = _sections.Select(s => new SectionText(s.SectionNumber, s.Text)).ToList(),
            _indicators = _indicators.Select(i => new IndicatorEntry(i.Code, i.Value, i.ChildrenSum)).ToList(),
            _localIndicators = _localIndicators.Select(l => new LocalIndicator(l.Code, l.Name, l.Unit, l.Kind)).ToList(),
        };
        return next;
    }

    private void Touch(string by, DateTime atUtc)
    {
        UpdatedBy = by;
        UpdatedAtUtc = atUtc;
    }
}
