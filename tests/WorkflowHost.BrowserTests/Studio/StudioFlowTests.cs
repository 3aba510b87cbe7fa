using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using WorkflowHost.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>
/// The issue's end-to-end flows in Chromium against the real host, API and engine: signed in as the demo designer
/// (or auditor) through /Login, Studio pages under /studio/. Screenshots of every step land in TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    private static readonly PageGetByTextOptions ExactText = new() { Exact = true };

    [BrowserFact]
    public async Task Step1_the_definition_list_shows_the_seed_plans_by_name()
    {
        var names = SeedWorkflows.All().Select(w => w.Name).ToList();
        if (names.Count == 0)
        {
            // No Elsa workflow files under workflows/ yet (only plan templates): list imported samples instead.
            output.WriteLine("No workflows/*.json in this checkout: checking imported Elsa samples instead of the seed plans.");
            var designer = await server.ApiClientAsync("designer");
            foreach (var sample in new[] { "fork.json", "timer-workflow.json" })
                names.Add((await server.ImportAsync(designer, StudioServer.SamplePath(sample)))["name"]!.GetValue<string>());
        }
        await using var session = await browser.NewSessionAsync(server, "step1-definitions");
        await StudioPages.SignInAsync(session, "designer");

        var page = await session.OpenAsync(StudioPages.AllDefinitions);

        foreach (var name in names)
            await session.WaitForVisibleAsync(page.GetByText(name, ExactText).First, StudioPages.BootTimeout);
        await session.ScreenshotAsync("definition-list");
        Assert.True(await StudioPages.CreateWorkflowButton(page).IsEnabledAsync());
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Step2_the_designer_shows_plan_002_with_its_activities_by_their_Vietnamese_names()
    {
        var designer = await server.ApiClientAsync("designer");
        var plan = SeedWorkflows.Plan002();
        if (plan is null)
            output.WriteLine($"No workflows/{SeedWorkflows.Plan002FileName} in this checkout yet: opening the largest Elsa sample instead.");
        var workflow = plan ?? SeedWorkflows.Read(StudioServer.SamplePath("legacy-delay-decision.json"));
        var definitionId = plan is null
            ? (await server.ImportAsync(designer, StudioServer.SamplePath("legacy-delay-decision.json")))["definitionId"]!.GetValue<string>()
            : await server.DefinitionIdOfAsync(designer, plan);
        var expected = workflow.NodeLabels(await server.ActivityDisplayNamesAsync(designer));
        Assert.NotEmpty(expected);
        await using var session = await browser.NewSessionAsync(server, "step2-designer");
        await StudioPages.SignInAsync(session, "designer");

        var page = await session.OpenAsync(StudioPages.Editor(definitionId));
        var nodes = StudioPages.CanvasNodes(page);
        await session.WaitForVisibleAsync(nodes.Nth(expected.Count - 1), StudioPages.BootTimeout);
        await StudioPages.EventuallyAsync(async () => await StudioPages.NodeLabels(page).CountAsync() == expected.Count, TimeSpan.FromSeconds(10));
        await StudioPages.ZoomToFitButton(page).ClickAsync();
        await Task.Delay(500); // the fit animates
        await session.ScreenshotAsync("designer");

        Assert.Equal(expected.Count, await nodes.CountAsync());
        var labels = await StudioPages.NodeLabels(page).AllTextContentsAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), labels.Select(l => l.Trim()).Order(StringComparer.Ordinal));
        await session.AssertHealthyAsync();
    }

    /// <summary>Printed, not asserted (speed targets belong to bench/): from navigation to every root node drawn.</summary>
    [BrowserFact]
    public async Task Designer_load_time_of_the_largest_workflow_is_printed()
    {
        var designer = await server.ApiClientAsync("designer");
        var largest = SeedWorkflows.Largest();
        string definitionId;
        if (largest is null)
        {
            output.WriteLine("No workflows/*.json in this checkout yet: timing the largest Elsa sample.");
            var samples = Directory.GetFiles(Path.GetDirectoryName(StudioServer.SamplePath("fork.json"))!, "*.json").Select(SeedWorkflows.Read).ToList();
            largest = samples.MaxBy(s => s.RootActivities.Count)!;
            definitionId = (await server.ImportAsync(designer, StudioServer.SamplePath(largest.FileName)))["definitionId"]!.GetValue<string>();
        }
        else definitionId = await server.DefinitionIdOfAsync(designer, largest);
        await using var session = await browser.NewSessionAsync(server, "designer-load-time");
        await StudioPages.SignInAsync(session, "designer");
        var nodes = largest.RootActivities.Count;
        var (cold, _) = await TimeDesignerAsync(session, definitionId, nodes);
        var (warm, page) = await TimeDesignerAsync(session, definitionId, nodes);
        // Where the time goes: the page's own scripts (Monaco is the largest), Blazor's boot files, our API calls.
        var timeline = await page.EvaluateAsync<string>("""
            () => performance.getEntriesByType('resource')
                .filter(e => /\/elsa\/api\/|editor\.main\.js|blazor\.webassembly\.js|dotnet\.native|dotnet\.runtime|icudt|Elsa\.Studio\.Workflows\.Designer/.test(e.name))
                .map(e => `${Math.round(e.startTime)}+${Math.round(e.duration)} ms ${Math.round(e.encodedBodySize / 1024)}/${Math.round(e.decodedBodySize / 1024)} KiB ${new URL(e.name).pathname}`).join('\n')
            """);
        var summary = $"Designer load time for '{largest.Name}' ({largest.FileName}, {largest.ActivityCount} activities, {nodes} on the canvas): " +
                      $"{cold.TotalSeconds:F2} s first visit, {warm.TotalSeconds:F2} s with the browser cache warm";
        output.WriteLine(summary);
        output.WriteLine("Warm visit, from navigation (start+duration, sent/decoded size, path):\n" + timeline);
        Console.WriteLine(summary);
        await session.ScreenshotAsync("designer");
        await session.AssertHealthyAsync();
    }

    /// <summary>Opens the editor in a new page and waits until its <paramref name="nodes"/>-th node is drawn.</summary>
    private static async Task<(TimeSpan Elapsed, IPage Page)> TimeDesignerAsync(BrowserSession session, string definitionId, int nodes)
    {
        var clock = Stopwatch.StartNew();
        var page = await session.OpenAsync(StudioPages.Editor(definitionId));
        await session.WaitForVisibleAsync(StudioPages.CanvasNodes(page).Nth(nodes - 1), StudioPages.BootTimeout);
        return (clock.Elapsed, page);
    }

    [BrowserFact]
    public async Task Step3_and_4_drop_connect_and_edit_save_a_new_draft_then_publish_it_while_a_running_instance_keeps_its_version()
    {
        var designer = await server.ApiClientAsync("designer");
        var v1 = (await designer.PostJsonNodeAsync("workflow-definitions", new JsonObject
        {
            ["model"] = StudioSamples.RunTaskModel("Kế hoạch sửa trong Studio"), ["publish"] = true,
        }))["workflowDefinition"]!;
        var definitionId = v1["definitionId"]!.GetValue<string>();
        var v1Id = v1["id"]!.GetValue<string>();
        var started = await designer.PostJsonNodeAsync($"workflow-definitions/{definitionId}/execute", new JsonObject());
        var oldInstanceId = started["workflowState"]!["id"]!.GetValue<string>();
        await using var session = await browser.NewSessionAsync(server, "step3-4-edit-publish");
        await StudioPages.SignInAsync(session, "designer");
        var page = await session.OpenAsync(StudioPages.Editor(definitionId));
        await page.SetViewportSizeAsync(1920, 1080);
        await session.WaitForVisibleAsync(StudioPages.Node(page, "WriteLine1"), StudioPages.BootTimeout);

        // Step 3: drop a Write Line from the palette, connect WriteLine1 → it, give it a text; auto-save stores it.
        await StudioPages.DropActivityAsync(page, "Console", "Write Line", 200, 350);
        await session.WaitForVisibleAsync(StudioPages.Node(page, "WriteLine2"), TimeSpan.FromSeconds(10));
        await StudioPages.ZoomToFitButton(page).ClickAsync();
        await Task.Delay(500); // the fit animates
        await StudioPages.ConnectAsync(page, "WriteLine1", "Done", "WriteLine2");
        await session.ScreenshotAsync("connected");
        var text = StudioPages.PropertyInput(page, "Text");
        await session.WaitForVisibleAsync(text, TimeSpan.FromSeconds(10));
        await text.FillAsync("Thêm từ Studio");
        await text.PressAsync("Tab");
        JsonNode? draft = null;
        var saved = await StudioPages.EventuallyAsync(async () =>
        {
            draft = await designer.GetFromJsonNodeAsync($"workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
            var added = draft["root"]!["activities"]!.AsArray().FirstOrDefault(a => a!["name"]?.GetValue<string>() == "WriteLine2");
            return added?["text"]?["expression"]?["value"]?.GetValue<string>() == "Thêm từ Studio"
                   && draft["root"]!["connections"]!.AsArray().Any(c => c!["target"]!["activity"]!.GetValue<string>() == added["id"]!.GetValue<string>());
        }, TimeSpan.FromSeconds(20));
        await session.ScreenshotAsync("dropped-connected-edited");
        Assert.True(saved, "The new activity (connected, with its text) never reached the store: " + draft?.ToJsonString());
        Assert.Equal(2, draft!["version"]!.GetValue<int>());
        Assert.False(draft["isPublished"]!.GetValue<bool>());
        var published = await designer.GetFromJsonNodeAsync($"workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        Assert.Equal(v1Id, published["id"]!.GetValue<string>());

        // Step 4: publish from the toolbar.
        await StudioPages.PublishButton(page).ClickAsync();
        var isPublished = await StudioPages.EventuallyAsync(async () =>
            (await designer.GetFromJsonNodeAsync($"workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published"))["version"]!.GetValue<int>() == 2,
            TimeSpan.FromSeconds(20));
        await session.ScreenshotAsync("published");
        Assert.True(isPublished, "Version 2 was not published.");
        var oldInstance = await designer.GetFromJsonNodeAsync($"workflow-instances/{oldInstanceId}");
        Assert.Equal(v1Id, oldInstance["definitionVersionId"]!.GetValue<string>());
        Assert.Equal("Suspended", oldInstance["subStatus"]!.GetValue<string>());
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Step5_run_from_the_designer_opens_the_viewer_with_the_journal_and_a_waiting_RunTask()
    {
        var designer = await server.ApiClientAsync("designer");
        var draft = (await designer.PostJsonNodeAsync("workflow-definitions", new JsonObject
        {
            ["model"] = StudioSamples.RunTaskModel("Kế hoạch chạy thử"), ["publish"] = false,
        }))["workflowDefinition"]!;
        var definitionId = draft["definitionId"]!.GetValue<string>();
        await using var session = await browser.NewSessionAsync(server, "step5-run");
        await StudioPages.SignInAsync(session, "designer");
        var page = await session.OpenAsync(StudioPages.Editor(definitionId));
        await session.WaitForVisibleAsync(StudioPages.Node(page, "RunTask1"), StudioPages.BootTimeout);

        await StudioPages.RunButton(page).ClickAsync();
        await page.WaitForURLAsync("**/studio/phien-chay/*", new() { Timeout = 30_000 });
        var instanceId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        var instance = await designer.GetFromJsonNodeAsync($"workflow-instances/{instanceId}");
        Assert.Equal(definitionId, instance["definitionId"]!.GetValue<string>());
        Assert.Equal("Suspended", instance["subStatus"]!.GetValue<string>());

        // The viewer lists the journal the engine wrote; the RunTask's entry is the one left Suspended.
        var journal = (await designer.PostJsonNodeAsync($"workflow-instances/{instanceId}/journal", new JsonObject()))["items"]!.AsArray();
        Assert.Contains(journal, e => e!["activityName"]!.GetValue<string>() == "RunTask1" && e["eventName"]!.GetValue<string>() == "Suspended");
        await session.WaitForVisibleAsync(page.GetByText("Run Task - Suspended").First, StudioPages.BootTimeout);
        await session.ScreenshotAsync("instance-viewer");
        foreach (var name in new[] { "Start1", "RunTask1" })
            Assert.True(await page.GetByText(name, ExactText).CountAsync() > 0, $"The viewer does not show {name}.");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Step6_import_a_sample_through_the_ui_and_export_it_back()
    {
        var designer = await server.ApiClientAsync("designer");
        await server.ImportAsync(designer, StudioServer.SamplePath("timer-workflow.json"));
        await using var session = await browser.NewSessionAsync(server, "step6-import-export");
        await StudioPages.SignInAsync(session, "designer");
        var page = await session.OpenAsync(StudioPages.AllDefinitions);
        await session.WaitForVisibleAsync(page.GetByText("TimerWorkflow", ExactText), StudioPages.BootTimeout);

        // Studio's Import (list toolbar) is a MudFileUpload: its hidden file input takes the file; Studio parses it and
        // posts it to /workflow-definitions/import.
        var samplePath = StudioServer.SamplePath("fork-decision-join-waitall.json");
        var original = JsonNode.Parse((await File.ReadAllTextAsync(samplePath)).TrimStart('\uFEFF'))!.AsObject();
        var name = original["name"]!.GetValue<string>();
        var definitionId = original["definitionId"]!.GetValue<string>();
        await page.Locator("input[type=file]").First.SetInputFilesAsync(samplePath);
        await session.WaitForVisibleAsync(page.GetByText(name, ExactText), TimeSpan.FromSeconds(20));
        await session.ScreenshotAsync("imported");
        var stored = await designer.GetFromJsonNodeAsync($"workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.False(stored["isPublished"]!.GetValue<bool>());

        // Export back through the row menu: Export opens Studio's options dialog ("Include referencing workflows");
        // its Export button fetches the file and hands it to the browser (a blob link clicked by Studio's
        // downloadFileFromStream), which Playwright sees as a download.
        var row = page.Locator("tr", new() { Has = page.GetByText(name, ExactText) });
        await row.Locator("button").Last.ClickAsync();
        await StudioPages.OpenMenuItem(page, "Export").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await session.WaitForVisibleAsync(dialog, TimeSpan.FromSeconds(10));
        await session.ScreenshotAsync("export-dialog");
        var download = await page.RunAndWaitForDownloadAsync(() => dialog.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync(),
            new() { Timeout = 20_000 });
        var downloaded = Path.Combine(Directory.CreateDirectory(Path.Combine(TestArtifacts.Root, "downloads")).FullName, $"step6-{download.SuggestedFilename}");
        await download.SaveAsAsync(downloaded);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(downloaded))!.AsObject();

        Assert.EndsWith(".json", download.SuggestedFilename);
        Assert.Equal(definitionId, exported["definitionId"]!.GetValue<string>());
        Assert.Equal(name, exported["name"]!.GetValue<string>());
        Assert.Equal(Activities(original), Activities(exported));
        Assert.Equal(Connections(original), Connections(exported));
        await session.AssertHealthyAsync();
    }

    /// <summary>(id, type) of every activity in the tree: what the file says the workflow does.</summary>
    private static IEnumerable<string> Activities(JsonObject definition)
    {
        var pending = new Stack<JsonNode?>([definition["root"]]);
        var found = new List<string>();
        while (pending.TryPop(out var node))
        {
            if (node is JsonObject obj)
            {
                if (obj["type"] is JsonValue type && obj["id"] is JsonValue id) found.Add($"{id}:{type}");
                foreach (var (key, child) in obj)
                    if (key is not ("metadata" or "customProperties")) pending.Push(child);
            }
            else if (node is JsonArray array)
                foreach (var item in array) pending.Push(item);
        }
        return found.Order();
    }

    private static IEnumerable<string> Connections(JsonObject definition) =>
        definition["root"]!["connections"]!.AsArray()
            .Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}:{c["target"]!["port"]}").Order();

    [BrowserFact]
    public async Task Phien_chay_lists_instances_and_a_row_opens_the_viewer()
    {
        var designer = await server.ApiClientAsync("designer");
        var definition = (await designer.PostJsonNodeAsync("workflow-definitions", new JsonObject
        {
            ["model"] = StudioSamples.RunTaskModel("Kế hoạch có phiên chạy"), ["publish"] = true,
        }))["workflowDefinition"]!;
        var started = await designer.PostJsonNodeAsync($"workflow-definitions/{definition["definitionId"]}/execute", new JsonObject());
        var instanceId = started["workflowState"]!["id"]!.GetValue<string>();
        await using var session = await browser.NewSessionAsync(server, "phien-chay");
        await StudioPages.SignInAsync(session, "auditor");

        var page = await session.OpenAsync(StudioPages.Instances);
        var row = page.GetByText(instanceId, ExactText).First;
        await session.WaitForVisibleAsync(row, StudioPages.BootTimeout);
        await session.ScreenshotAsync("instance-list");
        await row.ClickAsync();
        await page.WaitForURLAsync("**" + StudioPages.Viewer(instanceId));
        await session.WaitForVisibleAsync(page.GetByText("Run Task - Suspended").First, StudioPages.BootTimeout);
        await session.ScreenshotAsync("instance-viewer");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Step7_an_auditor_sees_studio_read_only()
    {
        var designer = await server.ApiClientAsync("designer");
        var definition = await server.ImportAsync(designer, StudioServer.SamplePath("fork.json"));
        await using var session = await browser.NewSessionAsync(server, "step7-auditor");
        await StudioPages.SignInAsync(session, "auditor");

        var list = await session.OpenAsync(StudioPages.AllDefinitions);
        await session.WaitForVisibleAsync(list.GetByText(definition["name"]!.GetValue<string>(), ExactText).First, StudioPages.BootTimeout);
        // Studio 3.8.2's list shows read-only mode by disabling creation (no banner text).
        Assert.True(await StudioPages.CreateWorkflowButton(list).IsDisabledAsync());
        await session.ScreenshotAsync("definition-list-read-only");

        var editor = await session.OpenAsync(StudioPages.Editor(definition["definitionId"]!.GetValue<string>()));
        await session.WaitForVisibleAsync(editor.GetByText("read-only mode").First, StudioPages.BootTimeout);
        await session.ScreenshotAsync("designer-read-only");
        await session.AssertHealthyAsync();
    }
}
