namespace WorkflowHost.ReportingChains.Tests.Plans;

/// <summary>Finds files of the repository (plan files, seeds) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WorkflowHost.sln")))
                return dir.FullName;
        throw new InvalidOperationException("WorkflowHost.sln not found above " + AppContext.BaseDirectory);
    }
}
