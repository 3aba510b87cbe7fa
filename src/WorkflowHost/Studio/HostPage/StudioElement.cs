namespace WorkflowHost.Studio.HostPage;

/// <summary>
/// The one Elsa Studio custom element a host page shows (two on a page break MudBlazor's providers), with the
/// navigation its callbacks trigger. URL templates are absolute (the page's &lt;base href="/studio/"&gt; would bend
/// relative ones) and contain <c>{id}</c>, replaced by the URL-encoded id Studio passes to the callback.
/// </summary>
public sealed class StudioElement
{
    public const string IdPlaceholder = "{id}";

    private StudioElement(string tagName, IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string> navigation,
        bool drawsWorkflow = false)
    {
        TagName = tagName;
        Attributes = attributes;
        Navigation = navigation;
        DrawsWorkflow = drawsWorkflow;
    }

    public string TagName { get; }

    /// <summary>The element shows a workflow on Studio's designer canvas (editor, instance viewer).</summary>
    public bool DrawsWorkflow { get; }

    /// <summary>Element-specific attributes (the backend ones are added by <see cref="StudioHostMarkup"/>).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>Callback property name → URL template it navigates to.</summary>
    public IReadOnlyDictionary<string, string> Navigation { get; }

    /// <summary>Renders nothing; only carries the backend settings. Useful to boot the runtime without a view.</summary>
    public static StudioElement BackendProvider()
        => new("elsa-backend-provider", Empty, Empty);

    /// <summary>Definition list; a row click or "Create workflow" calls editWorkflowDefinition(definitionId).</summary>
    public static StudioElement DefinitionList(string editDefinitionUrl)
        => new("elsa-workflow-definition-list", Empty,
            new Dictionary<string, string> { ["editWorkflowDefinition"] = CheckUrlTemplate(editDefinitionUrl, nameof(editDefinitionUrl)) });

    /// <summary>
    /// Designer for one definition. Its Func-typed callbacks (workflowDefinitionExecuted, …) did not fire in the spike, so
    /// none are wired; after "Run" Studio itself navigates to workflows/instances/{instanceId}/view under /studio/.
    /// </summary>
    public static StudioElement DefinitionEditor(string definitionId)
        => new("elsa-workflow-definition-editor",
            new Dictionary<string, string> { ["definition-id"] = CheckId(definitionId, nameof(definitionId)) }, Empty, drawsWorkflow: true);

    /// <summary>Instance list; a row click calls viewWorkflowInstance(instanceId).</summary>
    public static StudioElement InstanceList(string viewInstanceUrl)
        => new("elsa-workflow-instance-list", Empty,
            new Dictionary<string, string> { ["viewWorkflowInstance"] = CheckUrlTemplate(viewInstanceUrl, nameof(viewInstanceUrl)) });

    /// <summary>Viewer for one instance; its "edit definition" action calls editWorkflowDefinition(definitionId).</summary>
    public static StudioElement InstanceViewer(string instanceId, string editDefinitionUrl)
        => new("elsa-workflow-instance-viewer",
            new Dictionary<string, string> { ["instance-id"] = CheckId(instanceId, nameof(instanceId)) },
            new Dictionary<string, string> { ["editWorkflowDefinition"] = CheckUrlTemplate(editDefinitionUrl, nameof(editDefinitionUrl)) },
            drawsWorkflow: true);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string CheckId(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        return id;
    }

    private static string CheckUrlTemplate(string urlTemplate, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlTemplate, parameterName);
        var isRootRelative = urlTemplate.StartsWith('/') && !urlTemplate.StartsWith("//", StringComparison.Ordinal);
        var isAbsoluteHttp = Uri.TryCreate(urlTemplate, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!isRootRelative && !isAbsoluteHttp)
            throw new ArgumentException($"'{urlTemplate}' must be an absolute URL or start with a single '/'.", parameterName);
        if (!urlTemplate.Contains(IdPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"'{urlTemplate}' must contain the placeholder {IdPlaceholder}.", parameterName);
        return urlTemplate;
    }
}
