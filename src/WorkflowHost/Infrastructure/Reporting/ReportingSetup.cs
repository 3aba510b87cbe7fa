using WorkflowHost.Application;
using WorkflowHost.Application.Calendar;
using WorkflowHost.Persistence.Reporting;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Inbox;

namespace WorkflowHost.Infrastructure.Reporting;

public static class ReportingSetup
{
    /// <summary>
    /// The reporting domain in the host: EF repositories, the working-day calendar on the database's override table
    /// (and its demo seed), and the domain's notification handlers (the RunTask inbox).
    /// </summary>
    public static IServiceCollection AddWorkflowHostReporting(this IServiceCollection services)
    {
        services.AddReportingPersistence();
        services.AddDeadlines();
        services.AddPlanTemplates();
        services.AddMediatorHandlers(typeof(InboxItem).Assembly);
        services.AddScoped<HolidayOverrideChanges>();
        services.AddScoped<HolidayOverrideSeeder>();
        services.AddHostedService<HolidayOverrideSeedService>();
        return services;
    }
}
