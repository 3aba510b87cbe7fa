using WorkflowHost.Studio.HostPage;

namespace WorkflowHost.Studio;

/// <summary>The Studio hosting module: <c>services.AddElsaStudioAssets(configuration)</c> + <c>app.UseElsaStudioAssets()</c>.</summary>
public static class StudioHostingExtensions
{
    public static IServiceCollection AddElsaStudioAssets(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StudioOptions>(configuration.GetSection(StudioOptions.SectionName));
        services.AddSingleton<StudioAssets>();
        services.AddSingleton<StudioHostScript>();
        return services;
    }

    /// <summary>
    /// Serves /studio/ (package files) and the host-page script. Place it early, before authentication: the files are a
    /// public npm package. Logs an error at start-up if the package is missing; /studio/ then answers 503.
    /// </summary>
    public static IApplicationBuilder UseElsaStudioAssets(this IApplicationBuilder app)
    {
        var assets = app.ApplicationServices.GetRequiredService<StudioAssets>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StudioStaticFiles));
        if (assets.IsAvailable)
            logger.LogInformation("Serving Elsa Studio from {StudioAssetsPath} under {StudioRequestPath}/", assets.Directory, StudioAssets.RequestPath);
        else
            logger.LogError(
                "Elsa Studio files not found in {StudioAssetsPath} (no _framework folder); {StudioRequestPath}/ will answer 503. "
                + "Run 'npm ci' in src/WorkflowHost/Studio or set Studio:AssetsPath.",
                assets.Directory, StudioAssets.RequestPath);
        return app.UseMiddleware<StudioStaticFiles>();
    }
}
