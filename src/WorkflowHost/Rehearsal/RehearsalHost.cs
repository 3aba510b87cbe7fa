using MediatR;
using Microsoft.Extensions.Logging.Console;
using WorkflowHost.Application;
using WorkflowHost.Application.Calendar;
using WorkflowHost.Identity;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Infrastructure.Database;
using WorkflowHost.Infrastructure.Reporting;
using WorkflowHost.Infrastructure.WorkflowEngine;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.Seeding;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// The host's own services (database, organisation seed, plan templates, engine with the chain activities, inbox and
/// domain handlers) on a <see cref="VirtualTimeProvider"/>, without the web server and without the background timer
/// loop — the <see cref="RehearsalDriver"/> moves time. The database is a temporary SQLite file unless a connection
/// string is given; it is migrated, seeded and loaded with <c>workflows/*.json</c> like a normal start.
/// </summary>
public sealed class RehearsalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _temporaryFolder;

    /// <param name="temporaryFolder">Deleted on dispose: the temporary database's folder and/or the generated root.</param>
    private RehearsalHost(WebApplication app, VirtualTimeProvider clock, RehearsalObserver observer, string? temporaryFolder)
    {
        _app = app;
        Clock = clock;
        Observer = observer;
        _temporaryFolder = temporaryFolder;
    }

    public IServiceProvider Services => _app.Services;
    public VirtualTimeProvider Clock { get; }
    public RehearsalObserver Observer { get; }

    /// <param name="hostArgs">Host configuration arguments (e.g. <c>--WORKFLOWHOST_ROOT …</c>), not the rehearse options.</param>
    /// <param name="ownedRoot">A generated root folder (<see cref="GeneratedOrganisation"/>) deleted with the host.</param>
    public static async Task<RehearsalHost> StartAsync(RehearsalOptions options, DateTimeOffset start, string[] hostArgs, string? ownedRoot,
        CancellationToken cancellationToken = default)
    {
        var folder = ownedRoot;
        var connection = options.Connection;
        if (connection is null)
        {
            folder ??= Path.Combine(Path.GetTempPath(), "workflowhost-rehearsal", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "rehearsal.db")}";
        }
        var builder = WorkflowHostBuilder.Create(hostArgs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:WorkflowHost"] = connection });
        if (options.Connection is null) builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var root = builder.Environment.ContentRootPath;
        builder.Services.AddWorkflowHostPersistence(builder.Configuration, root);
        builder.Services.AddWorkflowHostIdentity();
        builder.Services.AddWorkflowHostApplication();
        builder.Services.AddWorkflowHostSeeding();
        builder.Services.AddWorkflowHostReporting();
        builder.Services.AddWorkflowHostEngine(builder.Configuration, root);

        var clock = new VirtualTimeProvider(start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        var observer = new RehearsalObserver();
        AddObserver(builder.Services, observer);

        var app = builder.Build();
        try
        {
            // The steps of a normal start, without starting the hosted services (web server, background timer loop).
            await app.InitialiseDatabaseAsync(cancellationToken);
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<HolidayOverrideSeeder>().SeedIfEmptyAsync(cancellationToken);
            await app.ImportWorkflowFilesAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteFolder(folder);
            throw;
        }
        return new RehearsalHost(app, clock, observer, folder);
    }

    /// <summary>The one observer instance answers every notification type it handles.</summary>
    private static void AddObserver(IServiceCollection services, RehearsalObserver observer)
    {
        foreach (var handler in typeof(RehearsalObserver).GetInterfaces()
                     .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
            services.AddSingleton(handler, observer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        DeleteFolder(_temporaryFolder);
    }

    private static void DeleteFolder(string? folder)
    {
        if (folder is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // a temp file still held open is left to the OS temp cleaner
    }
}
