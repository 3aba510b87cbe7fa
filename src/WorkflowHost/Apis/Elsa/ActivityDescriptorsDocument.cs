using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using WorkflowHost.Workflows.Descriptors;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// <c>GET /descriptors/activities</c> as one prepared document. Studio loads it with every designer and re-fetches it
/// after every save (ELSA-API §1.4), and it is the largest startup answer (~40 KiB); the registry never changes while
/// the host runs, so the JSON, its gzip and Brotli forms and an ETag are made once. Answers carry
/// <c>Cache-Control: private, no-cache</c>: the browser keeps the body and revalidates, and an unchanged list is a
/// bodiless 304.
/// </summary>
public sealed class ActivityDescriptorsDocument
{
    private static readonly ConditionalWeakTable<ActivityRegistry, ActivityDescriptorsDocument> Documents = new();

    private readonly byte[] _json;
    private readonly byte[] _gzip;
    private readonly byte[] _brotli;

    private ActivityDescriptorsDocument(ActivityRegistry registry)
    {
        var items = registry.Descriptors.OrderBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
        var document = new JsonObject { ["items"] = JsonSerializer.SerializeToNode(items, ElsaJson.Options), ["count"] = items.Count };
        _json = JsonSerializer.SerializeToUtf8Bytes(document, ElsaJson.Options);
        _gzip = Compress(_json, stream => new GZipStream(stream, CompressionLevel.SmallestSize));
        _brotli = Compress(_json, stream => new BrotliStream(stream, CompressionLevel.SmallestSize));
        ETag = $"\"{Convert.ToHexString(SHA256.HashData(_json))[..32]}\"";
    }

    public string ETag { get; }

    /// <summary>The document of this registry (one per host; test processes run several hosts).</summary>
    public static ActivityDescriptorsDocument For(ActivityRegistry registry) => Documents.GetValue(registry, r => new ActivityDescriptorsDocument(r));

    public IResult Answer(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.Headers.IfNoneMatch.Any(value => value?.Split(',').Any(tag => tag.Trim() == ETag || tag.Trim() == "*") == true))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding
            .Where(e => e.Quality is not 0).Select(e => e.Value.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (body, encoding) = accepted.Contains("br") ? (_brotli, "br") : accepted.Contains("gzip") ? (_gzip, "gzip") : (_json, (string?)null);
        if (encoding is not null) response.Headers.ContentEncoding = encoding;
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer)) stream.Write(data);
        return buffer.ToArray();
    }
}
