using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Persistence.Workflows;

public static class WorkflowStoreServiceCollectionExtensions
{
    /// <summary>
    /// The EF implementations of the engine's four stores (scoped: they read through the scope's
    /// <see cref="WorkflowHostDbContext"/>; commits open their own scope) and, on PostgreSQL, the advisory instance lock.
    /// Call before <c>AddWorkflowEngine</c> (which only adds the in-process lock when none is registered).
    /// Needs <see cref="PersistenceServiceCollectionExtensions.AddWorkflowHostPersistence"/>. On SQLite the context's
    /// connections fold case for all of Unicode (<see cref="SqliteUnicodeCaseFolding"/>), so name searches find
    /// Vietnamese text whatever its case.
    /// </summary>
    public static IServiceCollection AddWorkflowEngineEfStores(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton<EngineTransaction>();
        services.AddScoped<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddScoped<IWorkflowStateStore, EfWorkflowStateStore>();
        services.AddScoped<ITimerStore, EfTimerStore>();
        services.AddScoped<IWorkflowQueryStore, EfWorkflowQueryStore>();
        if (settings.Provider == DatabaseProvider.Postgres)
            services.Replace(ServiceDescriptor.Singleton<IWorkflowInstanceLock>(_ => new PostgresWorkflowInstanceLock(settings)));
        else
            services.ConfigureDbContext<WorkflowHostDbContext>(options => options.AddInterceptors(SqliteUnicodeCaseFolding.Instance));
        return services;
    }
}
