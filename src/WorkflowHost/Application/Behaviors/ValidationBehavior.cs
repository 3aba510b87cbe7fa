using MediatR;
using WorkflowHost.Application.Validation;

namespace WorkflowHost.Application.Behaviors;

public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IRequestValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = validators.SelectMany(v => v.Validate(request))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Message).ToList());
        return errors.Count > 0 ? throw new RequestValidationException(errors) : next();
    }
}
