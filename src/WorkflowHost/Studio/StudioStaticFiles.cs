using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.Studio;

/// <summary>
/// Serves the Elsa Studio package under <c>/studio/</c> straight from its npm folder, and our host-page script under
/// <see cref="StudioHostScript.Url"/>. Picks the precompressed <c>.br</c>/<c>.gz</c> sibling the browser accepts (sent
/// with Content-Encoding and the original content type), caches fingerprinted files forever and revalidates the rest.
/// Requests under /studio/ outside the package's public part go on to the host's own pages.
/// </summary>
public sealed class StudioStaticFiles(RequestDelegate next, StudioAssets assets, StudioHostScript hostScript)
{
    private static readonly (string Name, string Extension)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals(StudioHostScript.Url, StringComparison.Ordinal))
        {
            await ServeHostScript(context);
            return;
        }
        if (!request.Path.StartsWithSegments(StudioAssets.RequestPath, StringComparison.Ordinal, out var remaining))
        {
            await next(context);
            return;
        }
        if (!assets.IsAvailable)
        {
            await WriteNotInstalled(context);
            return;
        }

        var relativePath = remaining.Value?.TrimStart('/') ?? "";
        if (!StudioAssetRules.IsPackagePath(relativePath))
        {
            await next(context);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var file = StudioAssetRules.IsServable(relativePath) ? assets.Files.GetFileInfo(relativePath) : null;
        if (file is not { Exists: true, IsDirectory: false } || !StudioAssetRules.TryGetContentType(relativePath, out var contentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Response.Headers;
        headers.CacheControl = StudioAssetRules.IsFingerprinted(relativePath)
            ? StudioAssetRules.ImmutableCacheControl
            : StudioAssetRules.RevalidateCacheControl;

        var siblings = Precompressed
            .Select(encoding => (encoding.Name, File: assets.Files.GetFileInfo(relativePath + encoding.Extension)))
            .Where(sibling => sibling.File.Exists)
            .ToList();
        if (siblings.Count > 0)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
            var chosen = ChooseEncoding(request, siblings.Select(sibling => sibling.Name));
            if (chosen is not null)
            {
                file = siblings.First(sibling => sibling.Name == chosen).File;
                headers.ContentEncoding = chosen;
            }
        }

        await TypedResults.PhysicalFile(
                file.PhysicalPath!,
                contentType,
                lastModified: file.LastModified,
                entityTag: EntityTagOf(file))
            .ExecuteAsync(context);
    }

    /// <summary>
    /// The available encoding with the highest quality in Accept-Encoding (ties go to the earlier, i.e. br); null for
    /// identity. "*" stands for any encoding not listed; q=0 refuses one.
    /// </summary>
    private static string? ChooseEncoding(HttpRequest request, IEnumerable<string> available)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        string? best = null;
        var bestQuality = 0.0;
        foreach (var encoding in available)
        {
            var entry = accepted.FirstOrDefault(value => StringSegment.Equals(value.Value, encoding, StringComparison.OrdinalIgnoreCase))
                        ?? accepted.FirstOrDefault(value => value.Value == "*");
            var quality = entry is null ? 0.0 : entry.Quality ?? 1.0;
            if (quality > bestQuality)
            {
                best = encoding;
                bestQuality = quality;
            }
        }
        return best;
    }

    // Differs between a file and its .br/.gz siblings, so a revalidation never crosses encodings.
    private static EntityTagHeaderValue EntityTagOf(IFileInfo file)
        => new($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");

    private Task ServeHostScript(HttpContext context)
    {
        context.Response.Headers.CacheControl = StudioAssetRules.RevalidateCacheControl;
        return TypedResults.Bytes(hostScript.Content, "text/javascript", entityTag: hostScript.EntityTag).ExecuteAsync(context);
    }

    private static Task WriteNotInstalled(HttpContext context)
        => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Elsa Studio is not installed on this server.",
                detail: "The Studio files were not found; the server log names the folder that was searched. "
                        + "Run 'npm ci' in src/WorkflowHost/Studio (the build does this unless WORKFLOWHOST_SKIP_STUDIO_NPM=1) "
                        + "or set Studio:AssetsPath.")
            .ExecuteAsync(context);
}
