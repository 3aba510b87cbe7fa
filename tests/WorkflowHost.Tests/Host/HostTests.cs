using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Host;

public sealed class HostTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Health_is_anonymous_and_healthy_when_the_database_answers()
    {
        var response = await host.Factory.CreateNonRedirectingClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var document = await host.Factory.CreateNonRedirectingClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/org-units", out _));
        Assert.True(paths.TryGetProperty("/api/org-units/{code}", out _));
        Assert.True(paths.TryGetProperty("/api/me", out _));
    }

    [Fact]
    public void The_host_uses_the_root_appsettings_and_keeps_its_database_under_the_root()
    {
        var settings = host.Factory.Services.GetRequiredService<DatabaseSettings>();

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(host.Root.DatabaseFile, settings.ConnectionString);
        Assert.True(File.Exists(host.Root.DatabaseFile));
        Assert.NotEmpty(Directory.GetFiles(host.Root.Logs, "workflowhost-*.json"));
    }

    [Fact]
    public async Task Unknown_api_paths_get_404_problem_details()
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("admin");
        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_request_is_logged_as_json_with_method_path_status_elapsed_and_user()
    {
        var client = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var marker = "/api/org-units/TU-BTC";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(marker)).StatusCode);

        var lines = new List<string>();
        foreach (var logFile in Directory.GetFiles(host.Root.Logs, "workflowhost-*.json"))
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        var events = lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("Properties", out var p) && p.TryGetProperty("RequestPath", out var path) && path.GetString() == marker)
            .ToList();
        var logged = Assert.Single(events);
        var properties = logged.GetProperty("Properties");
        Assert.Equal("GET", properties.GetProperty("RequestMethod").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.Equal("kiemtoan", properties.GetProperty("UserName").GetString());
        Assert.True(properties.GetProperty("ElapsedMs").GetDouble() >= 0);
        Assert.Contains("responded 200", logged.GetProperty("RenderedMessage").GetString());
    }
}
