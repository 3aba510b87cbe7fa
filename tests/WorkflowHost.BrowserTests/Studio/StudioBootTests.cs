using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using WorkflowHost.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>The real Studio WASM runtime boots in Chromium on our Quy trình page, against our real /elsa/api.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioBootTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output)
    : IClassFixture<StudioServer>
{
    private static readonly PageGetByTextOptions ExactText = new() { Exact = true };

    private async Task<JsonObject> ImportForkAsync() =>
        await server.ImportAsync(await server.ApiClientAsync("designer"), StudioServer.SamplePath("fork.json"));

    [BrowserFact]
    public async Task Definition_list_boots_calls_the_api_with_the_page_key_and_navigates_through_our_callback()
    {
        var definition = await ImportForkAsync();
        await using var session = await browser.NewSessionAsync(server, "studio-boot");
        await StudioPages.SignInAsync(session, "designer");
        var transfer = TransferMeter.Attach(session.Context);
        var apiAuthorizations = new ConcurrentQueue<string>();
        session.Context.Request += (_, request) =>
        {
            if (request.Url.Contains("/elsa/api/workflow-definitions?versionOptions=Latest&", StringComparison.Ordinal))
                apiAuthorizations.Enqueue(request.Headers.GetValueOrDefault("authorization", ""));
        };

        var page = await session.OpenAsync(StudioPages.AllDefinitions);
        var row = page.GetByText(definition["name"]!.GetValue<string>(), ExactText);
        await session.WaitForVisibleAsync(row, StudioPages.BootTimeout);

        Assert.True(await page.EvaluateAsync<bool>("() => typeof Blazor === 'object' && !!customElements.get('elsa-workflow-definition-list')"));
        await session.ScreenshotAsync("definition-list");
        await session.AssertHealthyAsync();
        var pageKey = await page.Locator("elsa-workflow-definition-list").GetAttributeAsync("api-key");
        Assert.StartsWith("whk_", pageKey);
        Assert.Contains("ApiKey " + pageKey, apiAuthorizations);
        output.WriteLine($"Studio boot with br/gzip: {await transfer.SummarizeAsync()}");

        await row.ClickAsync();
        await page.WaitForURLAsync("**" + StudioPages.Editor(definition["definitionId"]!.GetValue<string>()));
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task A_host_page_outside_studio_is_reported_in_the_console()
    {
        await using var session = await browser.NewSessionAsync(server, "studio-misplaced");

        await session.OpenAsync(StudioServer.MisplacedPagePath);

        Assert.Contains(session.ConsoleErrors, error => error.Contains("must live under /studio/", StringComparison.Ordinal));
    }

    /// <summary>Prints (does not assert) what the precompressed files save; compare with the first test's output.</summary>
    [BrowserFact]
    public async Task Boot_without_compression_still_works_and_prints_its_transfer_size()
    {
        var definition = await ImportForkAsync();
        await using var session = await browser.NewSessionAsync(server, "studio-boot-identity");
        await StudioPages.SignInAsync(session, "designer");
        await session.Context.SetExtraHTTPHeadersAsync([new("Accept-Encoding", "identity")]);
        var transfer = TransferMeter.Attach(session.Context);

        var page = await session.OpenAsync(StudioPages.AllDefinitions);
        await session.WaitForVisibleAsync(page.GetByText(definition["name"]!.GetValue<string>(), ExactText), StudioPages.BootTimeout);
        await session.AssertHealthyAsync();

        var summary = await transfer.SummarizeAsync();
        output.WriteLine($"Studio boot without compression: {summary}");
        Assert.Equal(0, summary.EncodedResponses);
    }

    /// <summary>Bytes on the wire (bodies as transferred plus headers) of every finished request in a context.</summary>
    private sealed class TransferMeter
    {
        private readonly ConcurrentQueue<IRequest> _finished = new();

        public static TransferMeter Attach(IBrowserContext context)
        {
            var meter = new TransferMeter();
            context.RequestFinished += (_, request) => meter._finished.Enqueue(request);
            return meter;
        }

        public async Task<TransferSummary> SummarizeAsync()
        {
            long bytes = 0;
            var encoded = 0;
            foreach (var request in _finished)
            {
                var sizes = await request.SizesAsync();
                bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                var response = await request.ResponseAsync();
                if (response is not null && (await response.AllHeadersAsync()).ContainsKey("content-encoding"))
                    encoded++;
            }
            return new TransferSummary(_finished.Count, bytes, encoded);
        }
    }

    private sealed record TransferSummary(int Requests, long Bytes, int EncodedResponses)
    {
        public override string ToString()
            => $"{Requests} requests, {Bytes / 1024.0 / 1024.0:F1} MB transferred, {EncodedResponses} responses with Content-Encoding";
    }
}
