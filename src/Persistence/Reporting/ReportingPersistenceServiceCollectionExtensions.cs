using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHost.Persistence.Reporting.Approvals;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.Persistence.Reporting.Handoffs;
using WorkflowHost.Persistence.Reporting.Inbox;
using WorkflowHost.Persistence.Reporting.PlanTasks;
using WorkflowHost.Persistence.Reporting.Reminders;
using WorkflowHost.Persistence.Reporting.Reports;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.PlanTasks;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Persistence.Reporting;

public static class ReportingPersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The EF repositories of the reporting domain (scoped, on the request's or the engine commit's
    /// <see cref="WorkflowHostDbContext"/>) and the database-backed holiday override table of the calendar.
    /// </summary>
    public static IServiceCollection AddReportingPersistence(this IServiceCollection services)
    {
        services.AddScoped<IReportRepository, EfReportRepository>();
        services.AddScoped<IVoteSessionRepository, EfVoteSessionRepository>();
        services.AddScoped<ISubmissionRepository, EfSubmissionRepository>();
        services.AddScoped<IReminderRepository, EfReminderRepository>();
        services.AddScoped<IInboxItemRepository, EfInboxItemRepository>();
        services.AddScoped<IPlanTaskRepository, EfPlanTaskRepository>();
        services.AddScoped<IInboxQueries, EfInboxQueries>();
        services.Replace(ServiceDescriptor.Singleton<IHolidayOverrideSource, EfHolidayOverrideSource>());
        return services;
    }
}
