using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>
/// The real WorkflowHost (its own Program) on Kestrel at 127.0.0.1 and a free port, so a browser can reach it.
/// Subclasses may put test-only middleware in front of the host's pipeline with <see cref="ConfigureTestPipeline"/>.
/// </summary>
public class WorkflowHostServer : WebApplicationFactory<Program>
{
    private readonly Lazy<Uri> _baseAddress;

    public WorkflowHostServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _baseAddress = new Lazy<Uri>(Start);
    }

    /// <summary>Root URL of the running host, e.g. http://127.0.0.1:41234/ (starts the host on first use).</summary>
    public Uri BaseAddress => _baseAddress.Value;

    /// <summary>
    /// A plain client for the Kestrel socket (<c>CreateClient()</c> is the in-memory TestServer and does not work
    /// after UseKestrel). No automatic decompression, no redirects followed: tests see the raw responses.
    /// </summary>
    public HttpClient CreateHttpClient()
        => new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Test-only middleware that runs before the host's own pipeline. Nothing by default.</summary>
    protected virtual void ConfigureTestPipeline(IApplicationBuilder app)
    {
    }

    // Every test host gets its own SQLite file: never the repository's data/ database, never one shared by hosts
    // that start in parallel (each would seed it).
    private readonly string _databaseDirectory = Directory.CreateTempSubdirectory("workflowhost-browser-").FullName;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_databaseDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans its temp folder */ }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:WorkflowHost", $"Data Source={Path.Combine(_databaseDirectory, "workflowhost.db")}");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TestPipelineStartupFilter(ConfigureTestPipeline)));
        // One "request finished" line per Studio file (~160 per boot) drowns the test output.
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    private sealed class TestPipelineStartupFilter(Action<IApplicationBuilder> configure) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            configure(app);
            next(app);
        };
    }
}
