using System.Collections.Concurrent;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Workflows;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.DependencyInjection;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Tests.Workflows;

/// <summary>
/// One "host process" of the engine on EF stores: its own service provider (runtime, caches, locks, scheduler) over a
/// database that outlives it — a SQLite file or a PostgreSQL database — and a virtual clock. Every published
/// notification is recorded; <see cref="FailOn"/> makes a handler throw inside the commit.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private EngineHost(string provider, string connectionString, DateTimeOffset start)
    {
        Clock = new VirtualTimeProvider(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:WorkflowHost"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(this);
        services.AddScoped(typeof(INotificationHandler<>), typeof(RecordingHandler<>));
        services.AddScoped<INotificationHandler<WorkflowStarted>, StartAuditHandler>();
        services.AddWorkflowHostPersistence(configuration, Path.GetTempPath());
        services.AddWorkflowEngineEfStores(DatabaseSettings.From(configuration, Path.GetTempPath()));
        services.AddWorkflowEngine(engine =>
        {
            engine.UseInMemoryStores = false;
            engine.RunSchedulerInBackground = false;
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static async Task<EngineHost> StartAsync(string provider, string connectionString, DateTimeOffset? start = null)
    {
        var host = new EngineHost(provider, connectionString, start ?? Epoch);
        await using var scope = host._provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().Database.MigrateAsync();
        return host;
    }

    public VirtualTimeProvider Clock { get; }
    public IServiceProvider Services => _provider;
    public IWorkflowRuntime Runtime => _provider.GetRequiredService<IWorkflowRuntime>();
    public VirtualTimeDriver Driver => _provider.GetRequiredService<VirtualTimeDriver>();
    public TimerScheduler Scheduler => _provider.GetRequiredService<TimerScheduler>();
    public ConcurrentQueue<INotification> Notifications { get; } = new();
    public Type? FailOn { get; set; }
    /// <summary>Makes the handler throw for the notifications it matches (one instance's, say).</summary>
    public Func<INotification, bool>? FailWhen { get; set; }
    /// <summary>An async-local the test sets around a runtime call; handlers record what they see of it.</summary>
    public static readonly AsyncLocal<string?> Caller = new();
    public ConcurrentDictionary<INotification, string?> CallerSeenBy { get; } = new();
    /// <summary>Extra work a handler does inside the commit (a handler that calls the runtime, say).</summary>
    public Func<INotification, Task>? AlsoDo { get; set; }
    /// <summary>Appends an audit record for every WorkflowStarted, as a domain handler adds rows to the engine's commit.</summary>
    public bool AuditStarts { get; set; }

    public IReadOnlyList<T> Published<T>() => Notifications.OfType<T>().ToList();

    /// <summary>Runs <paramref name="action"/> with services of a fresh scope (stores are scoped).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) => InScopeAsync(async s => { await action(s); return 0; });

    public Task<T> Store<TStore, T>(Func<TStore, Task<T>> action) where TStore : notnull =>
        InScopeAsync(s => action(s.GetRequiredService<TStore>()));

    public async Task<WorkflowDefinitionVersion> PublishAsync(string json)
    {
        var result = await InScopeAsync(s => s.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(
            WorkflowHost.Workflows.Serialization.WorkflowDefinitionJson.Parse(json), publish: true));
        Assert.True(result.Succeeded, string.Join("; ", result.ValidationErrors));
        return result.Definition!;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class StartAuditHandler(EngineHost host, IAuditTrail trail) : INotificationHandler<WorkflowStarted>
    {
        public async Task Handle(WorkflowStarted notification, CancellationToken cancellationToken)
        {
            if (host.AuditStarts)
                await trail.AppendAsync(new AuditEntry("WorkflowStarted", "test", WorkflowInstanceId: notification.WorkflowInstanceId), "test", cancellationToken);
        }
    }

    private sealed class RecordingHandler<T>(EngineHost host) : INotificationHandler<T> where T : INotification
    {
        public async Task Handle(T notification, CancellationToken cancellationToken)
        {
            if (host.FailOn == typeof(T) || host.FailWhen?.Invoke(notification) == true)
                throw new InvalidOperationException($"handler of {typeof(T).Name} failed");
            if (host.AlsoDo is { } alsoDo) await alsoDo(notification);
            host.Notifications.Enqueue(notification);
            host.CallerSeenBy[notification] = Caller.Value;
        }
    }
}
