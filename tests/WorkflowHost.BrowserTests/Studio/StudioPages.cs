using Microsoft.Playwright;
using WorkflowHost.BrowserTests.Infrastructure;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>Driving our Studio pages: sign-in through the real /Login form, the page URLs, Studio's DOM landmarks.</summary>
public static class StudioPages
{
    public const string Definitions = "/studio/quy-trinh";
    public const string Instances = "/studio/phien-chay";

    // A cold boot downloads ~8 MB and starts .NET in WASM (about 5 s here); generous for a shared 2-core CI box.
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(60);

    public static string Editor(string definitionId) => $"{Definitions}/{Uri.EscapeDataString(definitionId)}";

    public static string Viewer(string instanceId) => $"{Instances}/{Uri.EscapeDataString(instanceId)}";

    /// <summary>Signs in through the /Login form; the session's later pages carry the cookie.</summary>
    public static async Task SignInAsync(BrowserSession session, string userName)
    {
        var page = await session.OpenAsync("/Login");
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(StudioServer.Password);
        await Task.WhenAll(page.WaitForURLAsync(url => !url.Contains("/Login")), page.Locator("#login").ClickAsync());
    }

    /// <summary>The designer's activity nodes (X6 renders each activity as a <c>.x6-node</c>).</summary>
    public static ILocator CanvasNodes(IPage page) => page.Locator(".x6-graph-svg .x6-node");

    /// <summary>The activity names shown on the nodes (<c>elsa-activity-wrapper</c> renders them as <c>.activity-label</c>).</summary>
    public static ILocator NodeLabels(IPage page) => page.Locator(".x6-graph-svg .x6-node .activity-label");

    public static ILocator CreateWorkflowButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Create workflow", Exact = true });
}
