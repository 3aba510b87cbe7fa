using System.Diagnostics;
using System.Globalization;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHost.Bench;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Conventions;
using WorkflowHost.Persistence.Workflows;
using WorkflowHost.Workflows.DependencyInjection;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Scheduling;

// The engine on the host's EF stores and SQLite settings, on a temp file: instance starts and RunTask completions by
// --clients concurrent callers (and completions once more by one caller), timer fires by the scheduler, each beside
// the raw single-row commit rate of the same file (one connection, one prepared INSERT per transaction). A warm-up round
// (JIT with tiered compilation and dynamic PGO, EF query caches, SQLite page cache) runs first and is not reported:
// half the count, at least 200 items, so the measured rounds see the steady state a long-running host sees.
var options = BenchOptions.Parse(args);
var folder = Path.Combine(Path.GetTempPath(), "workflowhost-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
Console.WriteLine($"engine bench: {options.Count} per measurement (at most {options.TimeLimit.TotalSeconds:F0} s each), {Environment.ProcessorCount} cores, SQLite file {folder}/bench.db");
Console.WriteLine($"pragmas: {SqliteConnectionPragmas.Sql}");

try
{
    var clock = new VirtualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    var tasks = new TaskIds();
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:WorkflowHost"] = connectionString,
    }).Build();
    var services = new ServiceCollection();
    services.AddSingleton<TimeProvider>(clock);
    services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
    services.AddSingleton(tasks);
    services.AddScoped<INotificationHandler<RunTaskRequested>, TaskIds.Handler>();
    services.AddWorkflowHostPersistence(configuration, folder);
    services.AddWorkflowEngineEfStores(DatabaseSettings.From(configuration, folder));
    services.AddWorkflowEngine(engine =>
    {
        engine.UseInMemoryStores = false;
        engine.RunSchedulerInBackground = false;
    });
    await using var provider = services.BuildServiceProvider();
    await using (var scope = provider.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<WorkflowHostDbContext>().Database.MigrateAsync();

    var phases = new EnginePhases(provider, clock, tasks);
    var warmUp = Math.Max(options.Count / 2, 200);
    await RawSqliteCommits.MeasureAsync(connectionString, warmUp, options.TimeLimit, print: false);
    await phases.RunAsync(warmUp, options.TimeLimit, options.Clients, print: false);

    // A commit's cost here is mostly the disk's sync latency, which drifts over seconds on a shared machine: the
    // yardstick is measured before and after the engine (three times the count each) and the ratio uses their mean.
    var rawBefore = await RawSqliteCommits.MeasureAsync(connectionString, options.Count * 3, options.TimeLimit);
    var engine = await phases.RunAsync(options.Count, options.TimeLimit, options.Clients);
    var rawAfter = await RawSqliteCommits.MeasureAsync(connectionString, options.Count * 3, options.TimeLimit);
    var rawPerSecond = (rawBefore.PerSecond + rawAfter.PerSecond) / 2;

    using var process = Process.GetCurrentProcess();
    var gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MiB; managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB " +
                      $"(GC heap {gc.HeapSizeBytes / 1048576.0:F1} MiB; collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"engine-bench: starts_per_s={engine.Starts.PerSecond:F0} completions_per_s={engine.Completions.PerSecond:F0} timer_fires_per_s={engine.TimerFires.PerSecond:F0} sqlite_commits_per_s={rawPerSecond:F0} ratio={engine.Completions.PerSecond / rawPerSecond:F2}"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
