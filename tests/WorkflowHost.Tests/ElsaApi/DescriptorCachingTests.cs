using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>The activity descriptors Studio re-fetches after every save: compressed when the browser accepts it, 304 when unchanged.</summary>
public sealed class DescriptorCachingTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Descriptors_carry_an_ETag_and_an_unchanged_list_is_a_bodiless_304()
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var first = await reader.GetAsync("/elsa/api/descriptors/activities?Refresh=True");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.True(first.Headers.CacheControl?.Private);

        var request = new HttpRequestMessage(HttpMethod.Get, "/elsa/api/descriptors/activities?Refresh=True");
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Compressed_forms_decode_to_the_same_list(string acceptEncoding, string expected)
    {
        var reader = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var plain = await reader.GetAsync("/elsa/api/descriptors/activities");
        var plainJson = await plain.Content.ReadAsStringAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, "/elsa/api/descriptors/activities");
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        var compressed = await reader.SendAsync(request);

        Assert.Equal(expected, compressed.Content.Headers.ContentEncoding.Single());
        Assert.Equal("application/json", compressed.Content.Headers.ContentType?.MediaType);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length * 4 < plainJson.Length, $"{bytes.Length} compressed bytes for {plainJson.Length} characters");
        await using var decoder = expected == "br"
            ? (Stream)new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new StreamReader(decoder);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plainJson), JsonNode.Parse(await text.ReadToEndAsync())));
        Assert.True(JsonNode.Parse(plainJson)!["count"]!.GetValue<int>() > 0);
    }
}
