using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.BrowserTests.Infrastructure;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>
/// The real host with the checkout's seeds (demo users designer/auditor, password Demo@2026), workflows/ and Studio
/// package, on a database of its own (a temp SQLite file), so runs never touch the developer's data/.
/// </summary>
public sealed class StudioServer : WorkflowHostServer
{
    public const string Password = "Demo@2026";

    /// <summary>A Studio host page outside /studio/ (test-only), where Blazor cannot start: studio-host.js must say so.</summary>
    public const string MisplacedPagePath = "/__browser-test/misplaced-studio-page";

    public static string SamplePath(string fileName) => Path.Combine(AppContext.BaseDirectory, "ElsaSamples", fileName);

    protected override void ConfigureTestPipeline(IApplicationBuilder app) =>
        app.Map(MisplacedPagePath, misplaced => misplaced.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8" /><link rel="icon" href="data:," />{StudioHostMarkup.Head()}</head>
                <body>{StudioHostMarkup.Body(StudioElement.BackendProvider(), "not-a-key")}</body></html>
                """, Encoding.UTF8);
        }));

    /// <summary>A client on the Kestrel socket that sends a freshly minted API key of <paramref name="userName"/> (as Studio does).</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        _ = BaseAddress;
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
                   ?? throw new InvalidOperationException($"No demo user {userName}: are the seeds/ of the checkout loaded?");
        var key = await scope.ServiceProvider.GetRequiredService<IApiKeyService>().MintAsync(user.Id, "browser-test", TimeSpan.FromHours(1));
        var client = CreateHttpClient();
        client.BaseAddress = new Uri(BaseAddress, "elsa/api/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        return client;
    }

    /// <summary>
    /// The stored definition of a seed workflow (imported at start-up): by its file's definition id, else by its name.
    /// </summary>
    public async Task<string> DefinitionIdOfAsync(HttpClient client, SeedWorkflow workflow)
    {
        if (workflow.DefinitionId is { Length: > 0 } definitionId) return definitionId;
        var list = JsonNode.Parse(await client.GetStringAsync($"workflow-definitions?versionOptions=Latest&SearchTerm={Uri.EscapeDataString(workflow.Name)}"))!;
        return list["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == workflow.Name)!["definitionId"]!.GetValue<string>();
    }

    /// <summary>Activity type → descriptor display name, from the API Studio reads.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ActivityDisplayNamesAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("descriptors/activities"))!["items"]!.AsArray()
            .GroupBy(d => d!["typeName"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d!["version"]!.GetValue<int>())!["displayName"]?.GetValue<string>() ?? g.Key);

    /// <summary>Imports an Elsa JSON file through the API (as Studio's import does) and returns the stored definition.</summary>
    public async Task<JsonObject> ImportAsync(HttpClient designer, string path)
    {
        var json = (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF');
        var response = await designer.PostAsync("workflow-definitions/import", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import of {path} failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
