namespace WorkflowHost.Application.Validation;

/// <summary>Checks a request before its handler runs; problems are keyed by the field name the caller sent.</summary>
public interface IRequestValidator<in TRequest>
{
    IEnumerable<ValidationError> Validate(TRequest request);
}

public sealed record ValidationError(string Field, string Message);
