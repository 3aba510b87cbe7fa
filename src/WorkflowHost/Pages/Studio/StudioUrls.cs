using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.Pages.Studio;

/// <summary>
/// The Studio pages' URLs. All under /studio/ (Blazor starts only inside its &lt;base href="/studio/"&gt;) and
/// absolute, since that base would bend relative links.
/// </summary>
public static class StudioUrls
{
    public const string Definitions = "/studio/quy-trinh";
    public const string Instances = "/studio/phien-chay";

    /// <summary>Callback targets: studio-host.js replaces the placeholder with the id Studio passes.</summary>
    public const string EditorTemplate = Definitions + "/" + StudioElement.IdPlaceholder;
    public const string ViewerTemplate = Instances + "/" + StudioElement.IdPlaceholder;

    public static string Editor(string definitionId) => $"{Definitions}/{Uri.EscapeDataString(definitionId)}";

    public static string Viewer(string instanceId) => $"{Instances}/{Uri.EscapeDataString(instanceId)}";
}
