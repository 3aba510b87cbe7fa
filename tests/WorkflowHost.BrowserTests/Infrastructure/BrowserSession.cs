using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>
/// One browser context (one user's cookies) with every page's console errors, uncaught exceptions and failed requests
/// (network failures and HTTP status ≥ 400) collected, and screenshots saved as test artifacts.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();
    private readonly string _name;
    private int _screenshotCount;

    internal BrowserSession(IBrowserContext context, string name)
    {
        Context = context;
        _name = name;
        context.Page += (_, page) => Observe(page);
    }

    public IBrowserContext Context { get; }

    /// <summary>The page most recently opened by <see cref="OpenAsync"/>.</summary>
    public IPage Page { get; private set; } = null!;

    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors.ToArray();

    public IReadOnlyCollection<string> FailedRequests => _failedRequests.ToArray();

    /// <summary>Opens <paramref name="path"/> (relative to the server root) in a new page and waits for its load event.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        Page = await Context.NewPageAsync();
        var response = await Page.GotoAsync(path);
        if (response is null || !response.Ok)
            throw new InvalidOperationException($"GET {path} answered {response?.Status.ToString() ?? "nothing"}.");
        return Page;
    }

    /// <summary>Saves a PNG of the current page as <c>&lt;session&gt;-&lt;nn&gt;-&lt;step&gt;.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        var number = Interlocked.Increment(ref _screenshotCount);
        var path = Path.Combine(TestArtifacts.ScreenshotsDirectory, $"{_name}-{number:00}-{step}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Waits until <paramref name="locator"/> is visible. On timeout the failure lists the console errors and failed
    /// requests seen so far, which usually name the cause (a Blazor exception, a 404 from our API).
    /// </summary>
    public async Task WaitForVisibleAsync(ILocator locator, TimeSpan timeout)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException(
                $"{timedOut.Message}\nConsole errors:\n{string.Join("\n", _consoleErrors)}\nFailed requests:\n{string.Join("\n", _failedRequests)}",
                timedOut);
        }
    }

    /// <summary>Fails when any console error or failed request was seen, or Blazor's error bar is visible.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.True(_consoleErrors.IsEmpty, "Console errors:\n" + string.Join("\n", _consoleErrors));
        Assert.True(_failedRequests.IsEmpty, "Failed requests:\n" + string.Join("\n", _failedRequests));
        Assert.False(await Page.Locator("#blazor-error-ui").IsVisibleAsync(), "Blazor's error UI (#blazor-error-ui) is visible.");
    }

    private void Observe(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue("Uncaught: " + error);
        page.RequestFailed += (_, request) => _failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _failedRequests.Enqueue($"{response.Request.Method} {response.Url}: {response.Status}");
        };
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
