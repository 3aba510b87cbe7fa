using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace WorkflowHost.Studio;

/// <summary>
/// The installed Elsa Studio package on disk, located once at start-up from <see cref="StudioOptions.AssetsPath"/>.
/// </summary>
public sealed class StudioAssets
{
    public const string RequestPath = "/studio";

    private const string SolutionFileName = "WorkflowHost.sln";

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

    private static string ResolveDirectory(string configuredPath, string contentRoot)
    {
        if (Path.IsPathRooted(configuredPath))
            return Path.GetFullPath(configuredPath);
        return Path.GetFullPath(Path.Combine(FindRepositoryRoot(contentRoot) ?? contentRoot, configuredPath));
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                return dir.FullName;
        }
        return null;
    }
}
