using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Serialization;
using WorkflowHost.Workflows.Validation;

namespace WorkflowHost.Workflows.DependencyInjection;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflow engine with all built-in Elsa activities. Stores: call with
    /// <c>UseInMemoryStores = true</c>, or register <see cref="IWorkflowDefinitionStore"/>, <see cref="IWorkflowStateStore"/>,
    /// <see cref="ITimerStore"/>, <see cref="IWorkflowQueryStore"/> (scoped is fine) yourself. Time comes from the
    /// registered <see cref="TimeProvider"/> (default <see cref="TimeProvider.System"/>). MediatR's <see cref="IMediator"/>
    /// is registered if missing; notification handlers are the host's to register.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<WorkflowEngineBuilder>? configure = null)
    {
        var builder = new WorkflowEngineBuilder();
        builder.AddActivitiesFrom(typeof(ServiceCollectionExtensions).Assembly);
        configure?.Invoke(builder);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();

        services.AddSingleton(sp => new ActivityRegistry(builder.ActivityTypes, sp));
        services.AddSingleton(builder.JavaScriptLimits);
        services.AddSingleton(builder.RuntimeOptions);
        services.AddSingleton<IExpressionHandler, LiteralExpressionHandler>();
        services.AddSingleton<IExpressionHandler>(_ => new ObjectExpressionHandler("Object"));
        services.AddSingleton<IExpressionHandler>(_ => new ObjectExpressionHandler("Json"));
        services.AddSingleton<IExpressionHandler, VariableExpressionHandler>();
        services.AddSingleton<IExpressionHandler, InputExpressionHandler>();
        services.AddSingleton<IExpressionHandler>(sp => new JavaScriptExpressionHandler(sp.GetRequiredService<JavaScriptLimits>()));
        services.AddSingleton<ExpressionEvaluator>();

        services.AddSingleton<WorkflowDefinitionJson>();
        services.AddSingleton<WorkflowCompiler>();
        services.AddSingleton<CompiledWorkflowCache>();
        services.AddSingleton<WorkflowValidator>();
        services.AddScoped<IWorkflowDefinitionService, WorkflowDefinitionService>();

        services.TryAddSingleton<IWorkflowInstanceLock, InProcessWorkflowInstanceLock>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.AddScoped<WorkflowDispatcher>();
        services.AddSingleton<ActivityTestRunner>();
        services.AddSingleton<TriggerTimers>();
        services.AddSingleton<StimulusTriggers>();
        services.AddSingleton<DueWorkExecutor>();
        services.AddSingleton(builder.SchedulerOptions);
        services.AddSingleton<TimerScheduler>();
        if (builder.RunSchedulerInBackground)
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TimerScheduler>());
        // Only resolvable when the registered TimeProvider is virtual (tests, the rehearsal command).
        services.TryAddSingleton(sp => sp.GetRequiredService<TimeProvider>() is VirtualTimeProvider clock
            ? new VirtualTimeDriver(clock, sp.GetRequiredService<TimerScheduler>())
            : throw new InvalidOperationException("VirtualTimeDriver needs a VirtualTimeProvider registered as TimeProvider."));

        if (builder.UseInMemoryStores)
        {
            services.TryAddSingleton<InMemoryWorkflowDatabase>();
            services.AddSingleton<InMemoryWorkflowStore>();
            services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
            services.AddSingleton<IWorkflowStateStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
            services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
            services.AddSingleton<IWorkflowQueryStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        }
        return services;
    }
}
