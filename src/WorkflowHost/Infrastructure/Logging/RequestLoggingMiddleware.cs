using System.Diagnostics;

namespace WorkflowHost.Infrastructure.Logging;

/// <summary>One log event per request: method, path, status, elapsed milliseconds and user.</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation(
                "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMs:0.0} ms for {UserName}",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed,
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous");
        }
    }
}

public static class RequestLoggingExtensions
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestLoggingMiddleware>();
}
