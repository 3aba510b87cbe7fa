namespace WorkflowHost.Infrastructure.ProblemDetails;

public static class ProblemDetailsSetup
{
    /// <summary>Every error leaves as RFC 7807 problem details; exceptions are mapped, never shown.</summary>
    public static IServiceCollection AddWorkflowHostProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Bodiless 401/403/404 answers (from authentication or routing) on API paths become problem details.
    /// Pages keep their redirects.
    /// </summary>
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseWhen(context => IsApiRequest(context.Request), api => api.UseStatusCodePages());

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/elsa");
}
