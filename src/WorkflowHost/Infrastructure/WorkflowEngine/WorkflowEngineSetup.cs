using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Workflows;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Workflows.DependencyInjection;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

public static class WorkflowEngineSetup
{
    /// <summary>
    /// The workflow engine in the host: built-in Elsa activities plus the domain's, the EF stores on the host's
    /// database (with the PostgreSQL advisory instance lock when the provider is Postgres), the timer scheduler as a
    /// hosted service, the audit of engine decisions, and the start-up import of <c>workflows/*.json</c>
    /// (<see cref="WorkflowFileImportStartup.ImportWorkflowFilesAsync"/>, after migrations and seeds).
    /// </summary>
    public static IServiceCollection AddWorkflowHostEngine(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddWorkflowEngineEfStores(DatabaseSettings.From(configuration, root));
        services.AddWorkflowEngine(engine =>
        {
            engine.UseInMemoryStores = false;
            engine.AddActivitiesFrom(typeof(IAuditTrail).Assembly);
        });
        services.AddSingleton(new WorkflowFileImporter.Folder(Path.Combine(root, "workflows")));
        services.AddScoped<WorkflowFileImporter>();
        services.AddScoped(typeof(MediatR.IPipelineBehavior<,>), typeof(WorkflowCommandGuardBehavior<,>));
        return services;
    }
}
