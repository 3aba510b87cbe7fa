using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.DependencyInjection;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.Tests.Support;

/// <summary>The engine on in-memory stores and a virtual clock, with every published notification recorded.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    /// <param name="extraServices">Registrations after the engine's (e.g. a wrapper replacing one of its stores).</param>
    public TestEngine(Action<WorkflowEngineBuilder>? configure = null, DateTimeOffset? start = null, InMemoryWorkflowDatabase? database = null,
        Action<IServiceCollection>? extraServices = null)
    {
        Clock = new VirtualTimeProvider(start ?? Epoch);
        var services = new ServiceCollection();
        if (database is not null) services.AddSingleton(database);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(Notifications);
        services.AddScoped(typeof(INotificationHandler<>), typeof(RecordingHandler<>));
        services.AddWorkflowEngine(engine =>
        {
            engine.UseInMemoryStores = true;
            engine.RunSchedulerInBackground = false;
            configure?.Invoke(engine);
        });
        extraServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public VirtualTimeProvider Clock { get; }
    public NotificationLog Notifications { get; } = new();
    public IServiceProvider Services => _provider;
    public IWorkflowRuntime Runtime => _provider.GetRequiredService<IWorkflowRuntime>();
    public InMemoryWorkflowStore Store => _provider.GetRequiredService<InMemoryWorkflowStore>();
    public InMemoryWorkflowDatabase Database => _provider.GetRequiredService<InMemoryWorkflowDatabase>();
    public VirtualTimeDriver Driver => _provider.GetRequiredService<VirtualTimeDriver>();

    public IWorkflowDefinitionService Definitions
    {
        get
        {
            var scope = _provider.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>();
        }
    }

    /// <summary>Imports and publishes a definition; fails the test on validation errors.</summary>
    public async Task<WorkflowDefinitionVersion> PublishAsync(JsonObject model)
    {
        var result = await Definitions.SaveAsync(model, publish: true);
        Assert.True(result.Succeeded, string.Join("; ", result.ValidationErrors));
        return result.Definition!;
    }

    public async Task<WorkflowRunResult> RunAsync(JsonObject model, JsonObject? input = null, string? correlationId = null)
    {
        var definition = await PublishAsync(model);
        return await Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definition.DefinitionId, Input = input, CorrelationId = correlationId });
    }

    public async Task<WorkflowInstance> InstanceAsync(string id) => (await Store.GetInstanceAsync(id))!;

    /// <summary>Texts written by WriteLine activities, in journal order.</summary>
    public async Task<List<string>> WrittenLinesAsync(string instanceId)
    {
        var journal = await Store.QueryJournalAsync(instanceId, new JournalFilter { EventNames = ["Completed"] }, 0, 100_000);
        return journal.Items.Where(e => e.ActivityType == "Elsa.WriteLine").Select(e => e.Message ?? "").ToList();
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
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
