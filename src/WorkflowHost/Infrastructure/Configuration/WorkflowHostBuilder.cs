using Microsoft.Extensions.Configuration;

namespace WorkflowHost.Infrastructure.Configuration;

public static class WorkflowHostBuilder
{
    /// <summary>
    /// A <see cref="WebApplicationBuilder"/> rooted at the repository root, so its appsettings.json (then
    /// appsettings.{Environment}.json) is read, followed by environment variables and the command line.
    /// </summary>
    public static WebApplicationBuilder Create(string[] args)
    {
        var bootstrap = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var root = RepositoryRoot.Locate(bootstrap[RepositoryRoot.OverrideKey]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = root,
            WebRootPath = LocateWebRoot(root),
        });
        // The defaults read ASPNETCORE_* variables before appsettings.json, so "Urls" in appsettings.json would beat
        // ASPNETCORE_URLS. Adding them again (and the command line after them) restores the expected order:
        // file < environment < command line.
        builder.Configuration.AddEnvironmentVariables("ASPNETCORE_");
        builder.Configuration.AddCommandLine(args);
        builder.Services.AddSingleton(new WorkflowHostPaths(root));
        return builder;
    }

    /// <summary>Published output carries wwwroot next to the binaries; a source checkout has it in the project.</summary>
    private static string LocateWebRoot(string root)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(published) ? published : Path.Combine(root, "src", "WorkflowHost", "wwwroot");
    }
}
