using Microsoft.Playwright;

namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium shared by the tests of a collection, driven by Playwright's bundled driver (no
/// <c>playwright install</c>, no browser download). Start a <see cref="BrowserSession"/> per test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool IsSkipped => Environment.GetEnvironmentVariable("WORKFLOWHOST_SKIP_BROWSER") == "1";

    public async Task InitializeAsync()
    {
        // Nothing to start when browser tests are skipped, or when the browser is missing: NewSessionAsync then fails
        // each browser test with the reason, while the HTTP-level tests of the same collection still run.
        if (IsSkipped || !File.Exists(ChromiumPath))
            return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage, i.e. one signed-in user) against <paramref name="server"/>.
    /// <paramref name="name"/> prefixes its screenshot files.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(WorkflowHostServer server, string name)
    {
        if (_browser is null)
        {
            throw new InvalidOperationException(IsSkipped
                ? "Browser tests are skipped (WORKFLOWHOST_SKIP_BROWSER=1) but a browser session was requested."
                : $"Chromium was not found at {ChromiumPath}. Install it (apt-get install -y chromium) or set WORKFLOWHOST_SKIP_BROWSER=1 to skip browser tests.");
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        return new BrowserSession(context, name);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
