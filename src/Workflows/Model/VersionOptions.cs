namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Which versions of a definition a lookup selects (Elsa's VersionOptions): Latest, Published, LatestOrPublished,
/// LatestAndPublished, Draft, AllVersions or one specific version number.
/// </summary>
public readonly record struct VersionOptions(VersionSelector Selector, int Version = 0)
{
    public static readonly VersionOptions Latest = new(VersionSelector.Latest);
    public static readonly VersionOptions Published = new(VersionSelector.Published);
    public static readonly VersionOptions LatestOrPublished = new(VersionSelector.LatestOrPublished);
    public static readonly VersionOptions LatestAndPublished = new(VersionSelector.LatestAndPublished);
    public static readonly VersionOptions Draft = new(VersionSelector.Draft);
    public static readonly VersionOptions AllVersions = new(VersionSelector.AllVersions);
    public static VersionOptions SpecificVersion(int version) => new(VersionSelector.Specific, version);

    /// <summary>Parses the wire form (`Latest`, `Published`, …, or a number). Empty means all versions.</summary>
    public static bool TryParse(string? text, out VersionOptions options)
    {
        options = AllVersions;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, out var number)) { options = SpecificVersion(number); return true; }
        if (Enum.TryParse<VersionSelector>(text, ignoreCase: true, out var selector) && selector != VersionSelector.Specific)
        {
            options = new VersionOptions(selector);
            return true;
        }
        return false;
    }

    /// <summary>Whether a version with these flags is selected (LatestOrPublished needs the whole set: see the stores).</summary>
    public bool Matches(int version, bool isLatest, bool isPublished) => Selector switch
    {
        VersionSelector.Latest => isLatest,
        VersionSelector.Published => isPublished,
        VersionSelector.LatestOrPublished => isLatest || isPublished,
        VersionSelector.LatestAndPublished => isLatest && isPublished,
        VersionSelector.Draft => !isPublished,
        VersionSelector.AllVersions => true,
        VersionSelector.Specific => version == Version,
        _ => false
    };

    public override string ToString() => Selector == VersionSelector.Specific ? Version.ToString() : Selector.ToString();
}

public enum VersionSelector { Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions, Specific }
