using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHost.Application.Behaviors;
using WorkflowHost.Application.Validation;

namespace WorkflowHost.Application;

public static class MediatorSetup
{
    /// <summary>
    /// MediatR 5.1.0 has no DI package on the mirror, so it is registered by hand: the mediator, then every request
    /// handler, notification handler and request validator found in <paramref name="assemblies"/>. Safe to call
    /// again with more assemblies (each handler is registered once).
    /// </summary>
    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services, params Assembly[] assemblies)
    {
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        var openInterfaces = new[]
        {
            typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>),
            typeof(IRequestValidator<>),
        };
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var service in type.GetInterfaces()
                         .Where(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition())))
                services.TryAddEnumerable(ServiceDescriptor.Transient(service, type));
        return services;
    }

    /// <summary>
    /// The application layer of the host: handlers of this assembly and the pipeline, outermost first:
    /// logging → validation → transaction (commands) → audit (audited commands) → handler.
    /// </summary>
    public static IServiceCollection AddWorkflowHostApplication(this IServiceCollection services)
    {
        services.AddMediatorHandlers(typeof(MediatorSetup).Assembly);
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));
        return services;
    }
}
