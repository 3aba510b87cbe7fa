using WorkflowHost.Workflows.DependencyInjection;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>
/// TEMPORARY (branch elsaapi): the engine with its in-memory stores, so /elsa/api and Studio work before the EF
/// persistence lands. At merge the lead replaces this file and its one call in Program.cs with AddWorkflowHostEngine
/// (branch enginepersist); nothing else depends on the in-memory stores.
/// </summary>
public static class InterimEngineRegistration
{
    public static IServiceCollection AddInterimWorkflowEngine(this IServiceCollection services) =>
        // The timer scheduler runs as a hosted service (the builder's default); logging is the host's.
        services.AddWorkflowEngine(engine => engine.UseInMemoryStores = true);
}
