using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace WorkflowHost.Studio;

/// <summary>
/// The installed Elsa Studio package on disk, located once at start-up from <see cref="StudioOptions.AssetsPath"/>.
/// </summary>
public sealed class StudioAssets
{
    public const string RequestPath = "/studio";

    public StudioAssets(IOptions<StudioOptions> options, IHostEnvironment environment)
    {
        Directory = ResolveDirectory(options.Value.AssetsPath, environment.ContentRootPath);
        // The package always has _framework/; a folder without it is a wrong AssetsPath, not an installed Studio.
        IsAvailable = System.IO.Directory.Exists(Path.Combine(Directory, "_framework"));
        Files = IsAvailable ? new PhysicalFileProvider(Directory) : new NullFileProvider();
    }

    /// <summary>Absolute path of the folder that holds <c>_framework/</c>.</summary>
    public string Directory { get; }

    public bool IsAvailable { get; }

    public IFileProvider Files { get; }

    // The host's content root is the repository root (Infrastructure/Configuration/RepositoryRoot).
    private static string ResolveDirectory(string configuredPath, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(configuredPath) ? configuredPath : Path.Combine(contentRoot, configuredPath));
}
