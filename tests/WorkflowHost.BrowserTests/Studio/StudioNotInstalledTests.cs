using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>A wrong or missing Studio:AssetsPath gives a clear 503 under /studio/ and leaves the rest of the host running.</summary>
public sealed class StudioNotInstalledTests : IDisposable
{
    private readonly string _emptyDirectory = Directory.CreateTempSubdirectory("studio-missing-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    private string DatabaseFile => _emptyDirectory + ".db";

    public StudioNotInstalledTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            // Its own database: never the repository's data/ file, never one another test host is seeding.
            .UseSetting("ConnectionStrings:WorkflowHost", $"Data Source={DatabaseFile}")
            .ConfigureAppConfiguration(configuration =>
                configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Studio:AssetsPath"] = _emptyDirectory })));
    }

    [Theory]
    [InlineData("/studio")]
    [InlineData("/studio/_framework/dotnet.js")]
    [InlineData("/studio/some-host-page")]
    public async Task Studio_paths_answer_503_problem(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Elsa Studio is not installed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_rest_of_the_host_still_answers()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_emptyDirectory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(DatabaseFile);
    }
}
