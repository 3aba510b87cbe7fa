namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>Where tests leave files for humans and CI: $WORKFLOWHOST_ARTIFACTS, else TestResults/ next to the test assembly.</summary>
public static class TestArtifacts
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("WORKFLOWHOST_ARTIFACTS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "TestResults");

    public static string ScreenshotsDirectory => Directory.CreateDirectory(Path.Combine(Root, "screenshots")).FullName;
}
