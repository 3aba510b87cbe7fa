using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WorkflowHost.Application.Validation;
using WorkflowHost.ReportingChains;

namespace WorkflowHost.Infrastructure.ProblemDetails;

/// <summary>Maps exceptions to problem details. Stack traces go to the log, never to the client.</summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Mvc.ProblemDetails problem = exception switch
        {
            RequestValidationException invalid => new ValidationProblemDetails(
                invalid.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is invalid.",
            },
            // A refused domain rule is the caller's input at fault: the Vietnamese message, keyed by the field, is what users see.
            DomainException refused => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [refused.Field] = [refused.VietnameseMessage] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is invalid.", Detail = refused.Message,
            },
            NotFoundException notFound => new()
            {
                Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message,
            },
            UnauthorizedAccessException => new()
            {
                Status = StatusCodes.Status401Unauthorized, Title = "Sign in first.",
            },
            BadHttpRequestException badRequest => new()
            {
                Status = badRequest.StatusCode, Title = "Bad request.", Detail = badRequest.Message,
            },
            _ => new()
            {
                Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred.",
            },
        };
        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }
}
