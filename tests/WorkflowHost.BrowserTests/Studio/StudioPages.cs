using Microsoft.Playwright;
using WorkflowHost.BrowserTests.Infrastructure;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>Driving our Studio pages: sign-in through the real /Login form, the page URLs, Studio's DOM landmarks.</summary>
public static class StudioPages
{
    public const string Definitions = "/studio/quy-trinh";
    public const string Instances = "/studio/phien-chay";

    /// <summary>
    /// The definitions list on one page large enough for every seed workflow and imported sample (Studio reads its
    /// 1-based paging from the query string); on its default page a row looked up by name may be on page 2.
    /// </summary>
    public const string AllDefinitions = Definitions + "?page=1&pageSize=100";

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

    // Studio's toolbar icon buttons carry no text or title; they are told apart by their Material icon.
    public static ILocator SaveButton(IPage page) => page.Locator("button:has(path[d^='M17 3H5c-1.11'])");
    public static ILocator PublishButton(IPage page) => page.Locator("button.mud-icon-button:has(path[d^='M19.35 10.04'])");
    public static ILocator ZoomToFitButton(IPage page) => page.Locator("button:has(path[d^='M5 15H3v4'])");
    public static ILocator RunButton(IPage page) => page.Locator("button:has(path[d^='M8 5v14l11-7z'])");

    /// <summary>A node on the canvas by the name it shows.</summary>
    public static ILocator Node(IPage page, string label) =>
        CanvasNodes(page).Filter(new() { Has = page.Locator(".activity-label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(label)}$") }) });

    /// <summary>An input of the property panel by its label (MudBlazor renders the input, then its label).</summary>
    public static ILocator PropertyInput(IPage page, string label) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(label)}$") }) }).Locator("input, textarea").First;

    /// <summary>Drags a palette item onto the canvas (HTML5 drag and drop, which Playwright drives in Chromium).</summary>
    public static async Task DropActivityAsync(IPage page, string category, string displayName, float x, float y)
    {
        await page.GetByText(category, new() { Exact = true }).ClickAsync();
        var item = page.Locator("[draggable=true]", new() { HasText = displayName }).First;
        await item.DragToAsync(page.Locator(".x6-graph-svg").First, new() { TargetPosition = new() { X = x, Y = y } });
    }

    /// <summary>Draws a connection from a node's outcome port to another node's In port with real mouse moves (X6 listens to mouse events).</summary>
    public static async Task ConnectAsync(IPage page, string sourceLabel, string port, string targetLabel)
    {
        var source = await Node(page, sourceLabel).Locator($"g[port='{port}'] circle.elsa-designer-port-hit-area").BoundingBoxAsync()
                     ?? throw new InvalidOperationException($"No port {port} on {sourceLabel}");
        var target = await Node(page, targetLabel).Locator("g[port='In'] circle.elsa-designer-port-hit-area").BoundingBoxAsync()
                     ?? throw new InvalidOperationException($"No In port on {targetLabel}");
        await page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 20 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Polls <paramref name="condition"/> (e.g. an API read after Studio's debounced auto-save) until true or the timeout.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return await condition();
    }

    /// <summary>An item of the open MudBlazor menu (items are <c>div.mud-menu-item</c> with no ARIA role).</summary>
    public static ILocator OpenMenuItem(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-menu-item", new() { Has = page.Locator(".mud-menu-item-text", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(text)}$") }) });

    public static ILocator CreateWorkflowButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Create workflow", Exact = true });
}
