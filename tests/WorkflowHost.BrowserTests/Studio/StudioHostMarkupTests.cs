using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using WorkflowHost.BrowserTests.Infrastructure;
using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.BrowserTests.Studio;

[Collection(BrowserCollection.Name)]
public sealed partial class StudioHostMarkupTests(WorkflowHostServer server) : IClassFixture<WorkflowHostServer>
{
    [Fact]
    public void Head_sets_the_base_and_the_stylesheets_in_the_package_order_without_google_fonts()
    {
        var head = Render(StudioHostMarkup.Head());

        Assert.StartsWith("<base href=\"/studio/\" />", head);
        Assert.Equal(
            [
                "/studio/_content/MudBlazor/MudBlazor.min.css",
                "/studio/_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css",
                "/studio/_content/Radzen.Blazor/css/material-base.css",
                "/studio/_content/Elsa.Studio.Shell/css/shell.css",
                "/studio/Elsa.Studio.Host.CustomElements.styles.css",
            ],
            Urls(head));
        Assert.DoesNotContain("googleapis", head);
    }

    [Fact]
    public void Pages_that_draw_a_workflow_preload_the_designer_module_and_the_lists_do_not()
    {
        var preload = $"<link rel=\"modulepreload\" href=\"/studio/{StudioHostMarkup.DesignerModule}\" />";

        Assert.Contains(preload, Render(StudioHostMarkup.Head(StudioElement.DefinitionEditor("d1"))));
        Assert.Contains(preload, Render(StudioHostMarkup.Head(StudioElement.InstanceViewer("i1", "/studio/quy-trinh/{id}"))));
        Assert.DoesNotContain("modulepreload", Render(StudioHostMarkup.Head(StudioElement.DefinitionList("/studio/quy-trinh/{id}"))));
        Assert.DoesNotContain("modulepreload", Render(StudioHostMarkup.Head()));
        // The module Studio imports (./_content/Elsa.Studio.Workflows.Designer/designer.entry.js) is in the package.
        var package = Path.Combine(WorkflowHost.Infrastructure.Configuration.RepositoryRoot.Locate(null), new WorkflowHost.Studio.StudioOptions().AssetsPath);
        Assert.True(File.Exists(Path.Combine(package, StudioHostMarkup.DesignerModule)));
    }

    [Fact]
    public void Body_renders_one_element_with_key_api_path_and_navigation_then_error_ui_then_scripts()
    {
        var body = Render(StudioHostMarkup.Body(StudioElement.InstanceViewer("inst-1", "/studio/quy-trinh/{id}"), "k\"<ey"));

        var element = Assert.Single(ElementTags().Matches(body)).Value;
        Assert.StartsWith("<elsa-workflow-instance-viewer ", element);
        Assert.Contains("data-studio-api-path=\"/elsa/api\"", element);
        Assert.Contains("api-key=\"k&quot;&lt;ey\"", element);
        Assert.Contains("instance-id=\"inst-1\"", element);
        Assert.Equal(
            """{"editWorkflowDefinition":"/studio/quy-trinh/{id}"}""",
            WebUtility.HtmlDecode(Regex.Match(element, "data-studio-navigation=\"([^\"]*)\"").Groups[1].Value));
        Assert.True(body.IndexOf("id=\"blazor-error-ui\"", StringComparison.Ordinal) > body.IndexOf(element, StringComparison.Ordinal));

        var scripts = Urls(body);
        Assert.Equal(StudioHostScript.Url, scripts[0]);
        Assert.Equal("/studio/_framework/blazor.webassembly.js", scripts[^1]);
        Assert.Equal(8, scripts.Count);
    }

    [Theory]
    [InlineData("quy-trinh/{id}")]
    [InlineData("//elsewhere.example/{id}")]
    [InlineData("javascript:alert('{id}')")]
    [InlineData("/studio/quy-trinh")]
    public void Navigation_targets_must_be_absolute_urls_with_the_id_placeholder(string urlTemplate)
        => Assert.Throws<ArgumentException>(() => StudioElement.DefinitionList(urlTemplate));

    [Fact]
    public void An_api_key_is_required()
        => Assert.Throws<ArgumentException>(() => StudioHostMarkup.Body(StudioElement.DefinitionEditor("d1"), " "));

    [Fact]
    public async Task Every_file_the_markup_references_is_served()
    {
        using var client = server.CreateHttpClient();
        var markup = Render(StudioHostMarkup.Head()) + Render(StudioHostMarkup.Body(StudioElement.BackendProvider(), "key"));

        foreach (var url in Urls(markup))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        }
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static List<string> Urls(string html)
        => LinkUrls().Matches(html).Select(match => match.Groups[1].Value).ToList();

    [GeneratedRegex("(?:rel=\"stylesheet\" href|src)=\"(/[^\"]+)\"")]
    private static partial Regex LinkUrls();

    [GeneratedRegex("<elsa-[^>]*>")]
    private static partial Regex ElementTags();
}
