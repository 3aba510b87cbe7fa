using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace WorkflowHost.Studio;

/// <summary>Which package files are public, with what content type, and how long browsers may cache them.</summary>
public static partial class StudioAssetRules
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string RevalidateCacheControl = "no-cache";

    // The npm package's own "files" list minus index.html (our host pages replace it). package.json and anything else
    // from node_modules stays unreachable.
    private static readonly HashSet<string> PublicFiles = new(StringComparer.Ordinal)
    {
        "appsettings.json",
        "Elsa.Studio.Host.CustomElements.styles.css",
    };

    private static readonly string[] PublicFolders = ["_framework/", "_content/"];

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    /// <summary>
    /// True when <paramref name="relativePath"/> (no leading slash) lies in the package's public part: _framework/,
    /// _content/ or one of the public root files. Such requests are answered from the package (file or 404) and never
    /// fall through to the host's own /studio pages.
    /// </summary>
    public static bool IsPackagePath(string relativePath)
        => PublicFiles.Contains(relativePath)
           || PublicFolders.Any(folder => relativePath.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>
    /// True when a package path may be read from disk: no empty, "." or ".." segments, no backslashes, and never a
    /// precompressed sibling under its own name (the browser would get encoded bytes without Content-Encoding).
    /// </summary>
    public static bool IsServable(string relativePath)
        => !relativePath.Contains('\\')
           && !relativePath.Split('/').Any(segment => segment is "" or "." or "..")
           && !relativePath.EndsWith(".br", StringComparison.Ordinal)
           && !relativePath.EndsWith(".gz", StringComparison.Ordinal);

    public static bool TryGetContentType(string relativePath, out string contentType)
        => ContentTypes.TryGetContentType(relativePath, out contentType!);

    /// <summary>
    /// The .NET build fingerprints every _framework file except the two loaders (dotnet.js, blazor.webassembly.js) with a
    /// 10-character [a-z0-9] segment before the extension, e.g. <c>Elsa.Api.Client.mbze71icf3.wasm</c>; a new package
    /// version means new names, so those can be cached forever. _content/ names are not reliably fingerprinted.
    /// </summary>
    public static bool IsFingerprinted(string relativePath)
        => relativePath.StartsWith("_framework/", StringComparison.Ordinal) && FingerprintedName().IsMatch(relativePath);

    [GeneratedRegex(@"\.[a-z0-9]{10}\.(wasm|js|dat)$")]
    private static partial Regex FingerprintedName();

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Not mapped by default; without it icudt.*.dat is a 404 and the integrity-checked WASM boot fails.
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".wasm"] = "application/wasm";
        return provider;
    }
}
