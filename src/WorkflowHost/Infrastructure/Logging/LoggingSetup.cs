using Serilog;

namespace WorkflowHost.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json (console + rolling JSON files). Relative sink paths
    /// such as "logs/workflowhost-.json" are resolved against the repository root, not the working directory.
    /// </summary>
    public static WebApplicationBuilder AddWorkflowHostLogging(this WebApplicationBuilder builder, string rootPath)
    {
        var absolutePaths = new Dictionary<string, string?>();
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
            if (sink["Args:path"] is { } path && !Path.IsPathRooted(path))
                absolutePaths[$"{sink.Path}:Args:path"] = Path.GetFullPath(Path.Combine(rootPath, path));
        builder.Configuration.AddInMemoryCollection(absolutePaths);

        var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
