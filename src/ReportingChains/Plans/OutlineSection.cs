using System.Text.Json.Serialization;

namespace WorkflowHost.ReportingChains.Plans;

/// <summary>
/// One numbered section of the report outline (đề cương). <see cref="Number"/> is the full path ("II", "II.3",
/// "P1.II.4") and is unique in the plan; a report's section texts are keyed by it.
/// </summary>
public sealed class OutlineSection
{
    private List<OutlineSection> _children = [];

    private OutlineSection() { } // for EF

    public OutlineSection(string number, string? label, string title, string? guidance, bool requiresStatistics,
        bool required, IEnumerable<OutlineSection> children)
    {
        Number = number;
        Label = label;
        Title = title;
        Guidance = guidance;
        RequiresStatistics = requiresStatistics;
        Required = required;
        _children = [.. children];
    }

    public string Number { get; private set; } = "";

    /// <summary>What the document prints instead of the number, e.g. "Phần thứ nhất"; null = the last number segment.</summary>
    public string? Label { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The plan's instructions for the section, as written.</summary>
    public string? Guidance { get; private set; }

    /// <summary>The section asks for figures; the report's indicator table belongs with it.</summary>
    public bool RequiresStatistics { get; private set; }

    /// <summary>A report cannot be submitted while this section is empty.</summary>
    public bool Required { get; private set; }

    public IReadOnlyList<OutlineSection> Children => _children;

    [JsonIgnore]
    public string DisplayLabel => Label ?? Number[(Number.LastIndexOf('.') + 1)..];

    public IEnumerable<OutlineSection> SelfAndDescendants() =>
        _children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
