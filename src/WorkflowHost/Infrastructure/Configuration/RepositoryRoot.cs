namespace WorkflowHost.Infrastructure.Configuration;

/// <summary>
/// Finds the folder that holds <c>WorkflowHost.sln</c>: the top-level appsettings.json, seeds/, workflows/, data/ and
/// logs/ live there, whether the host is started with <c>dotnet run --project src/WorkflowHost</c>, from its bin
/// folder or from tests. <c>WORKFLOWHOST_ROOT</c> (environment or command line) overrides the search.
/// </summary>
public static class RepositoryRoot
{
    public const string OverrideKey = "WORKFLOWHOST_ROOT";
    public const string MarkerFile = "WorkflowHost.sln";

    public static string Locate(string? overridePath)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var full = Path.GetFullPath(overridePath);
            return Directory.Exists(full)
                ? full
                : throw new InvalidOperationException($"{OverrideKey} points to '{full}', which does not exist.");
        }
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
            if (FindUpwards(start) is { } found)
                return found;
        throw new InvalidOperationException(
            $"Cannot find the WorkflowHost root (the folder containing {MarkerFile}) above " +
            $"'{starts[0]}' or '{starts[1]}'. Start from the repository or set {OverrideKey}.");
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
                return dir.FullName;
        return null;
    }
}
