using WorkflowHost.Seeding.Organisation;

namespace WorkflowHost.Seeding;

public static class SeedingSetup
{
    public static IServiceCollection AddWorkflowHostSeeding(this IServiceCollection services)
    {
        services.AddScoped<OrganisationSeedLoader>();
        services.AddScoped<DemoApiKeySeeder>();
        return services;
    }
}
