using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace WorkflowHost.Studio.HostPage;

/// <summary>
/// The HTML a host page needs around one Studio element: <see cref="Head"/> goes into &lt;head&gt;,
/// <see cref="Body"/> where the element should appear. Same order as the package's index.html, without Google Fonts.
/// </summary>
public static class StudioHostMarkup
{
    /// <summary>Our Elsa REST API, relative to the page's origin.</summary>
    public const string ApiPath = "/elsa/api";

    // Blazor resolves _framework/, _content/ and appsettings.json against <base>. It also makes every relative URL on
    // the page resolve under /studio/, so everything below is root-relative; host pages must do the same.
    private static readonly string BaseHref = StudioAssets.RequestPath + "/";

    private static readonly string[] Stylesheets =
    [
        "_content/MudBlazor/MudBlazor.min.css",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css",
        "_content/Radzen.Blazor/css/material-base.css",
        "_content/Elsa.Studio.Shell/css/shell.css",
        "Elsa.Studio.Host.CustomElements.styles.css",
    ];

    private static readonly string[] Scripts =
    [
        "_content/BlazorMonaco/jsInterop.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js",
        "_content/MudBlazor/MudBlazor.min.js",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js",
        "_content/Radzen.Blazor/Radzen.Blazor.js",
        "_framework/blazor.webassembly.js",
    ];

    /// <summary>
    /// The designer's JavaScript (X6 and its modules, ~3.5 MB): Studio imports this ES module only once .NET has booted
    /// and the designer renders — 15–30 s after navigation on a busy machine. Preloading it lets the browser fetch and
    /// compile it while the runtime boots; the later <c>import()</c> finds it in the module map.
    /// </summary>
    public const string DesignerModule = "_content/Elsa.Studio.Workflows.Designer/designer.entry.js";

    /// <summary>&lt;base href="/studio/"&gt;, Studio's stylesheets and, for an element that draws a workflow, the designer module preload.</summary>
    public static IHtmlContent Head(StudioElement? element = null)
    {
        var html = new StringBuilder();
        html.Append("<base href=\"").Append(BaseHref).AppendLine("\" />");
        foreach (var stylesheet in Stylesheets)
            html.Append("<link rel=\"stylesheet\" href=\"").Append(BaseHref).Append(stylesheet).AppendLine("\" />");
        if (element?.DrawsWorkflow == true)
            html.Append("<link rel=\"modulepreload\" href=\"").Append(BaseHref).Append(DesignerModule).AppendLine("\" />");
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// The element (its remote-endpoint is set in the browser from location.origin + <see cref="ApiPath"/>), Blazor's
    /// error bar, and the scripts. <paramref name="apiKey"/> is sent by Studio as "Authorization: ApiKey …" on every call.
    /// </summary>
    public static IHtmlContent Body(StudioElement element, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);

        var html = new StringBuilder();
        html.Append('<').Append(element.TagName);
        AppendAttribute(html, "data-studio-api-path", ApiPath);
        AppendAttribute(html, "api-key", apiKey);
        foreach (var (name, value) in element.Attributes)
            AppendAttribute(html, name, value);
        if (element.Navigation.Count > 0)
            AppendAttribute(html, "data-studio-navigation", JsonSerializer.Serialize(element.Navigation));
        html.Append("></").Append(element.TagName).AppendLine(">");

        // Hidden by MudBlazor.min.css; Blazor shows it on an unhandled error (the only visible sign of one).
        html.AppendLine("<div id=\"blazor-error-ui\">Đã xảy ra lỗi không mong muốn. <a class=\"reload\">Tải lại</a> <a class=\"dismiss\">🗙</a></div>");

        html.Append("<script src=\"").Append(StudioHostScript.Url).AppendLine("\"></script>");
        foreach (var script in Scripts)
            html.Append("<script src=\"").Append(BaseHref).Append(script).AppendLine("\"></script>");
        return new HtmlString(html.ToString());
    }

    private static void AppendAttribute(StringBuilder html, string name, string value)
        => html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
}
