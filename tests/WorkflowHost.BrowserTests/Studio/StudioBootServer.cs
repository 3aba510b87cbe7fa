using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WorkflowHost.BrowserTests.Infrastructure;
using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>
/// The host plus, for the Studio boot test only, a host page built with <see cref="StudioHostMarkup"/> and the two
/// Elsa API answers the definition list needs at start-up (STUDIO-SPIKE §4.1/§5). Our real /elsa/api does not exist
/// yet; once it does, the boot test should run against it and this API part goes.
/// </summary>
public sealed class StudioBootServer : WorkflowHostServer
{
    public const string ApiKey = "browser-test-key";
    public const string DefinitionId = "boot-test";
    public const string DefinitionName = "Kế hoạch kiểm tra khởi động";

    // Under /studio/: Blazor's NavigationManager requires the page URL to lie inside <base href="/studio/">.
    public const string ListPagePath = "/studio/__browser-test/definitions";
    public const string EditPagePrefix = "/__browser-test/edit/";

    /// <summary>The same page outside /studio/, where Blazor cannot start.</summary>
    public const string MisplacedListPagePath = "/__browser-test/definitions";

    /// <summary>Every /elsa/api request: "METHOD path?query | Authorization".</summary>
    public ConcurrentQueue<string> ApiRequests { get; } = new();

    protected override void ConfigureTestPipeline(IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path == ListPagePath || request.Path == MisplacedListPagePath)
                await WriteHtml(context, ListPage());
            else if (request.Path.StartsWithSegments(EditPagePrefix.TrimEnd('/'), out var id))
                await WriteHtml(context, $"<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\" /></head><body><h1>edit {System.Net.WebUtility.HtmlEncode(id.Value)}</h1></body></html>");
            else if (request.Path.StartsWithSegments("/elsa/api", out var apiPath))
                await AnswerApi(context, apiPath);
            else
                await next(context);
        });
    }

    private static string ListPage() => $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8" />
        <title>Quy trình</title>
        <link rel="icon" href="data:," />
        {StudioHostMarkup.Head()}
        </head>
        <body>
        {StudioHostMarkup.Body(StudioElement.DefinitionList(EditPagePrefix + StudioElement.IdPlaceholder), ApiKey)}
        </body>
        </html>
        """;

    private async Task AnswerApi(HttpContext context, PathString apiPath)
    {
        var request = context.Request;
        ApiRequests.Enqueue($"{request.Method} {apiPath}{request.QueryString} | {request.Headers.Authorization}");
        if (!HttpMethods.IsGet(request.Method) || apiPath != "/workflow-definitions")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // The first call lists the latest versions; the second asks which of them have a published version (none).
        var json = request.Query["versionOptions"] == "Published"
            ? """{"items":[],"totalCount":0}"""
            : $$"""
              {"items":[{"id":"{{DefinitionId}}-v1","definitionId":"{{DefinitionId}}","name":"{{DefinitionName}}","version":1,
                         "isLatest":true,"isPublished":false,"links":[{"rel":"publish"}]}],
               "totalCount":1,"links":[{"rel":"bulk-publish"}]}
              """;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    private static Task WriteHtml(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }
}
