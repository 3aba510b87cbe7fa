using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.BrowserTests.Infrastructure;
using WorkflowHost.Studio;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>/studio/ over a real socket: content types, br/gzip negotiation, caching, conditional and HEAD requests, and what stays unreachable.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioStaticFilesTests : IClassFixture<WorkflowHostServer>, IDisposable
{
    private readonly WorkflowHostServer _server;
    private readonly HttpClient _client;
    private readonly string _packageDirectory;

    public StudioStaticFilesTests(WorkflowHostServer server)
    {
        _server = server;
        var assets = server.Services.GetRequiredService<StudioAssets>();
        _client = server.CreateHttpClient();
        Assert.True(assets.IsAvailable, $"Studio package not installed at {assets.Directory} (the build runs npm ci).");
        _packageDirectory = assets.Directory;
    }

    [Theory]
    [InlineData("_framework/icudt.*.dat", "application/octet-stream")]
    [InlineData("_framework/dotnet.native.*.wasm", "application/wasm")]
    [InlineData("_framework/dotnet.js", "text/javascript")]
    [InlineData("_framework/dotnet.runtime.*.js", "text/javascript")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("_content/Radzen.Blazor/fonts/RobotoFlex.woff2", "font/woff2")]
    [InlineData("appsettings.json", "application/json")]
    [InlineData("Elsa.Studio.Host.CustomElements.styles.css", "text/css")]
    public async Task Serves_package_files_unencoded_with_their_content_type(string filePattern, string contentType)
    {
        var file = PackageFile(filePattern);

        using var response = await _client.GetAsync("studio/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_packageDirectory, file)), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0.2, gzip;q=0.8", "gzip")]
    [InlineData("*", "br")]
    public async Task Picks_the_precompressed_sibling_and_keeps_the_original_content_type(string acceptEncoding, string expectedEncoding)
    {
        var file = PackageFile("_framework/dotnet.native.*.wasm");
        var siblingExtension = expectedEncoding == "br" ? ".br" : ".gz";

        using var response = await GetAsync("studio/" + file, request => request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expectedEncoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("application/wasm", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_packageDirectory, file + siblingExtension)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Sends_identity_with_vary_when_no_accepted_encoding_has_a_sibling()
    {
        using var response = await GetAsync("studio/_framework/dotnet.js", request => request.Headers.TryAddWithoutValidation("Accept-Encoding", "deflate"));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_packageDirectory, "_framework/dotnet.js")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Files_without_siblings_are_sent_as_is_without_vary()
    {
        using var response = await GetAsync("studio/_content/Radzen.Blazor/fonts/RobotoFlex.woff2", request => request.Headers.TryAddWithoutValidation("Accept-Encoding", "br"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Empty(response.Headers.Vary);
    }

    [Theory]
    [InlineData("_framework/dotnet.native.*.wasm")]
    [InlineData("_framework/icudt.*.dat")]
    [InlineData("_framework/Elsa.Api.Client.*.wasm")]
    [InlineData("_framework/dotnet.runtime.*.js")]
    public async Task Fingerprinted_framework_files_are_cached_for_a_year(string filePattern)
    {
        using var response = await _client.GetAsync("studio/" + PackageFile(filePattern));

        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("_framework/dotnet.js")]
    [InlineData("_framework/blazor.webassembly.js")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("appsettings.json")]
    public async Task Files_that_keep_their_name_are_revalidated(string file)
    {
        using var response = await _client.GetAsync("studio/" + file);

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Revalidation_with_the_etag_answers_304_and_the_etag_differs_per_encoding()
    {
        using var plain = await _client.GetAsync("studio/_framework/dotnet.js");
        using var brotli = await GetAsync("studio/_framework/dotnet.js", request => request.Headers.TryAddWithoutValidation("Accept-Encoding", "br"));
        Assert.NotEqual(plain.Headers.ETag, brotli.Headers.ETag);

        using var revalidated = await GetAsync("studio/_framework/dotnet.js", request =>
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            request.Headers.IfNoneMatch.Add(brotli.Headers.ETag!);
        });

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-cache", revalidated.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        var file = PackageFile("_framework/icudt.*.dat");

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "studio/" + file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new FileInfo(Path.Combine(_packageDirectory, file)).Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/studio/package.json")]
    [InlineData("/studio/index.html")]
    [InlineData("/studio/_framework/dotnet.js.br")]
    [InlineData("/studio/_framework/dotnet.js.gz")]
    [InlineData("/studio/_framework/no-such-file.wasm")]
    [InlineData("/studio/_framework/")]
    [InlineData("/studio/_content/MudBlazor")]
    [InlineData("/studio/_content/../package.json")]
    [InlineData("/studio/_content/../../../package.json")]
    [InlineData("/studio/_content/%2e%2e/package.json")]
    [InlineData("/studio/_content/..%2Fpackage.json")]
    [InlineData("/studio/_content/..%2F..%2F..%2Fpackage.json")]
    [InlineData("/studio/_content/..%5Cpackage.json")]
    [InlineData("/studio/_framework/../../Studio/package.json")]
    public async Task Nothing_outside_the_public_package_files_is_reachable(string rawTarget)
    {
        // Sent byte for byte over a socket: HttpClient would normalise the dot segments away before Kestrel sees them.
        // Such paths are not package files, so they fall through to the host's pages: 404, or a sign-in redirect for
        // an anonymous caller — never the file.
        Assert.Contains(await RawGetStatusAsync(rawTarget), new[] { 404, 302 });
    }

    [Fact]
    public async Task Serves_the_host_page_script()
    {
        using var response = await _client.GetAsync(WorkflowHost.Studio.HostPage.StudioHostScript.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("remote-endpoint", await response.Content.ReadAsStringAsync());

        using var revalidated = await GetAsync(WorkflowHost.Studio.HostPage.StudioHostScript.Url, request => request.Headers.IfNoneMatch.Add(response.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    /// <summary>The one file of the package matching <paramref name="pattern"/> (fingerprints change with the package version).</summary>
    private string PackageFile(string pattern)
    {
        var directory = Path.GetDirectoryName(pattern)!;
        var matches = Directory.GetFiles(Path.Combine(_packageDirectory, directory), Path.GetFileName(pattern));
        var match = Assert.Single(matches);
        return Path.GetRelativePath(_packageDirectory, match).Replace('\\', '/');
    }

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        return await _client.SendAsync(request);
    }

    private async Task<int> RawGetStatusAsync(string rawTarget)
    {
        var address = _server.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {rawTarget} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return int.Parse(statusLine.Split(' ')[1]);
    }

    public void Dispose() => _client.Dispose();
}
