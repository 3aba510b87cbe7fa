namespace WorkflowHost.Application.Validation;

/// <summary>The request was refused before anything ran; answered as 400 problem details with <c>errors</c>.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    : Exception("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
}

/// <summary>The thing asked for does not exist (on the date asked about); answered as 404 problem details.</summary>
public sealed class NotFoundException(string message) : Exception(message);
