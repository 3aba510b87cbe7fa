using System.Net;
using System.Text.RegularExpressions;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>The Studio host pages: under /studio/, one element each, a per-user short-lived API key that the API accepts.</summary>
public sealed partial class StudioPagesTests(StudioHostFixture host) : IClassFixture<StudioHostFixture>
{
    [GeneratedRegex("api-key=\"(whk_[^\"]+)\"")]
    private static partial Regex ApiKeyAttribute();

    [Theory]
    [InlineData("/studio/quy-trinh", "elsa-workflow-definition-list")]
    [InlineData("/studio/phien-chay", "elsa-workflow-instance-list")]
    public async Task List_pages_embed_one_element_with_a_key_of_the_signed_in_user(string path, string element)
    {
        var auditor = await LoginForm.SignedInClientAsync(host.Factory, "kiemtoan");

        var html = await auditor.GetStringAsync(path);

        Assert.Single(Regex.Matches(html, $"<{element} "));
        Assert.Contains("<base href=\"/studio/\" />", html);
        Assert.Contains("href=\"/studio/quy-trinh\"", html);
        Assert.Contains(">Quy trình<", html);
        Assert.Contains(">Phiên chạy<", html);
        var key = ApiKeyAttribute().Match(html).Groups[1].Value;
        var me = await host.Factory.ClientWithApiKey(key).GetStringAsync("/api/me");
        Assert.Contains("\"kiemtoan\"", me);
        // The auditor's key reads the API but cannot write through it.
        var write = await host.Factory.ClientWithApiKey(key).PostAsync("/elsa/api/workflow-definitions/x/publish", null);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Each_page_load_mints_a_new_key()
    {
        var designer = await LoginForm.SignedInClientAsync(host.Factory, "thietke");

        var first = ApiKeyAttribute().Match(await designer.GetStringAsync("/studio/quy-trinh")).Groups[1].Value;
        var second = ApiKeyAttribute().Match(await designer.GetStringAsync("/studio/quy-trinh")).Groups[1].Value;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Editor_and_viewer_pages_404_for_unknown_ids_and_run_navigation_redirects_to_the_viewer()
    {
        var designer = await LoginForm.SignedInClientAsync(host.Factory, "thietke");

        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync("/studio/quy-trinh/khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync("/studio/phien-chay/khong-co")).StatusCode);
        var redirect = await designer.GetAsync("/studio/workflows/instances/abc123/view");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/studio/phien-chay/abc123", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Editor_page_embeds_the_designer_for_an_existing_definition()
    {
        var designerKey = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        var saved = await designerKey.SaveAsync(ElsaApiClient.RunTaskModel("Trang thiết kế"));
        var designer = await LoginForm.SignedInClientAsync(host.Factory, "thietke");

        var html = await designer.GetStringAsync($"/studio/quy-trinh/{saved["definitionId"]}");

        Assert.Contains($"definition-id=\"{saved["definitionId"]}\"", html);
        Assert.Contains("<elsa-workflow-definition-editor ", html);
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_login()
    {
        var response = await host.Factory.CreateNonRedirectingClient().GetAsync("/studio/quy-trinh");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Login", response.Headers.Location!.PathAndQuery);
    }
}
