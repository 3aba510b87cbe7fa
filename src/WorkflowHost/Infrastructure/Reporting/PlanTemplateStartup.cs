using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.Infrastructure.Reporting;

/// <summary>
/// Reads the plan templates (<c>workflows/plans/*.plan.json</c>) once at start-up for the chain activities. A bad plan
/// file stops start-up with every error naming the file and the JSON path of the field, before the host listens.
/// </summary>
public static class PlanTemplateStartup
{
    public static IServiceCollection AddPlanTemplates(this IServiceCollection services)
    {
        services.AddSingleton<IPlanTemplates>(sp =>
        {
            var folder = Path.Combine(sp.GetRequiredService<WorkflowHostPaths>().Workflows, "plans");
            var result = PlanTemplateDirectory.Read(folder);
            if (!result.Succeeded)
                throw new InvalidOperationException("Start-up stopped: invalid plan templates in workflows/plans: " +
                    string.Join("; ", result.ErrorsByFile.SelectMany(f => f.Value.Select(e => $"{f.Key} {e.Path}: {e.Message}"))));
            return new PlanTemplateCatalog(result.Templates);
        });
        services.AddHostedService<PlanTemplateCheck>();
        return services;
    }

    /// <summary>Resolves the catalogue when the host starts, so a bad file fails start-up rather than the first plan run.</summary>
    private sealed class PlanTemplateCheck(IPlanTemplates templates) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) { _ = templates; return Task.CompletedTask; }
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
