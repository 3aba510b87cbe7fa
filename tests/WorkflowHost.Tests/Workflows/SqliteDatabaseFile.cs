using Microsoft.Data.Sqlite;

namespace WorkflowHost.Tests.Workflows;

/// <summary>A SQLite file in a temp folder that outlives the engine hosts opened on it.</summary>
public sealed class SqliteDatabaseFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workflowhost-tests", "engine-" + Guid.NewGuid().ToString("N"));

    public SqliteDatabaseFile() => Directory.CreateDirectory(_folder);

    public string Path => System.IO.Path.Combine(_folder, "engine.db");
    public string ConnectionString => $"Data Source={Path}";

    public Task<EngineHost> StartHostAsync(DateTimeOffset? start = null) => EngineHost.StartAsync("Sqlite", ConnectionString, start);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
