using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Tests.Plans;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.DependencyInjection;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.ReportingChains.Tests.Activities.Support;

/// <summary>
/// The engine with the chain activities, on in-memory stores and a virtual clock, wired as the host wires it: the
/// deadline services over an in-memory holiday override table and a scoped <see cref="IOrganisationQueries"/>.
/// Every published notification is recorded.
/// </summary>
public sealed class ChainEngine : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <summary>The plan files of workflows/plans.</summary>
    private static readonly Lazy<IReadOnlyList<PlanTemplate>> SeedPlans = new(() =>
    {
        var result = PlanTemplateDirectory.Read(RepositoryFiles.PathOf("workflows", "plans"));
        Assert.True(result.Succeeded, string.Join("; ", result.ErrorsByFile.Keys));
        return result.Templates;
    });

    public ChainEngine(DateTimeOffset start, InMemoryOrganisation? organisation = null, IEnumerable<HolidayOverride>? overrides = null)
    {
        Clock = new VirtualTimeProvider(start);
        Organisation = organisation ?? InMemoryOrganisation.FromSeeds();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(Notifications);
        services.AddScoped(typeof(INotificationHandler<>), typeof(RecordingHandler<>));
        services.AddSingleton<IHolidayOverrideSource>(new InMemoryHolidayOverrideSource(overrides ?? []));
        services.AddDeadlines();
        services.AddScoped<IOrganisationQueries>(_ => Organisation);
        services.AddSingleton<IPlanTemplates>(_ => new PlanTemplateCatalog(SeedPlans.Value));
        services.AddSingleton<IReportRepository>(Reports);
        AddHandlers<ReportPersistenceHandlers>(services);
        services.AddSingleton<IVoteSessionRepository>(VoteSessions);
        services.AddSingleton<ISubmissionRepository>(Submissions);
        services.AddSingleton<IReminderRepository>(Reminders);
        AddHandlers<VoteSessionHandlers>(services);
        AddHandlers<SubmissionHandlers>(services);
        AddHandlers<ReminderHandlers>(services);
        services.AddWorkflowEngine(engine =>
        {
            engine.UseInMemoryStores = true;
            engine.RunSchedulerInBackground = false;
            engine.AddActivitiesFrom(typeof(ChainActivity).Assembly);
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public VirtualTimeProvider Clock { get; }
    public InMemoryOrganisation Organisation { get; }
    public InMemoryReports Reports { get; } = new();
    public InMemoryVoteSessions VoteSessions { get; } = new();
    public InMemorySubmissions Submissions { get; } = new();
    public InMemoryReminders Reminders { get; } = new();
    public NotificationLog Notifications { get; } = new();
    public IServiceProvider Services => _provider;
    public IWorkflowRuntime Runtime => _provider.GetRequiredService<IWorkflowRuntime>();
    public InMemoryWorkflowStore Store => _provider.GetRequiredService<InMemoryWorkflowStore>();
    public VirtualTimeDriver Driver => _provider.GetRequiredService<VirtualTimeDriver>();

    /// <summary>Saves and publishes a definition; fails the test on validation errors. Returns its definition id.</summary>
    public async Task<string> PublishAsync(JsonObject model)
    {
        using var scope = _provider.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(model, publish: true);
        Assert.True(result.Succeeded, string.Join("; ", result.ValidationErrors));
        return result.Definition!.DefinitionId;
    }

    public Task<WorkflowRunResult> StartAsync(string definitionId, JsonObject input) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input });

    public async Task<WorkflowInstance> InstanceAsync(string id) => (await Store.GetInstanceAsync(id))!;

    /// <summary>The outputs an activity of the instance has set.</summary>
    public async Task<JsonObject> OutputsAsync(string instanceId, string activityId) =>
        (JsonObject)((await InstanceAsync(instanceId)).Properties["activityOutputs"]![activityId]!);

    /// <summary>The journal event names of one activity of an instance, in order.</summary>
    public async Task<List<string>> JournalAsync(string instanceId, string activityId) =>
        (await Store.QueryJournalAsync(instanceId, new JournalFilter { ActivityIds = [activityId] }, 0, 100_000)).Items.Select(e => e.EventName).ToList();

    /// <summary>Texts written by WriteLine activities, in journal order.</summary>
    public async Task<List<string>> WrittenLinesAsync(string instanceId) =>
        (await Store.QueryJournalAsync(instanceId, new JournalFilter { EventNames = ["Completed"] }, 0, 100_000)).Items
            .Where(e => e.ActivityType == "Elsa.WriteLine").Select(e => e.Message ?? "").ToList();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>Registers the domain handler class for every notification it handles (the host scans the assembly).</summary>
    private static void AddHandlers<THandler>(IServiceCollection services) where THandler : class
    {
        foreach (var contract in typeof(THandler).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
            services.AddScoped(contract, typeof(THandler));
    }
}

public sealed class NotificationLog
{
    public ConcurrentQueue<INotification> All { get; } = new();
    public IReadOnlyList<T> Of<T>() => All.OfType<T>().ToList();
}

public sealed class RecordingHandler<T>(NotificationLog log) : INotificationHandler<T> where T : INotification
{
    public Task Handle(T notification, CancellationToken cancellationToken)
    {
        log.All.Enqueue(notification);
        return Task.CompletedTask;
    }
}
