using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowHost.Persistence.Conventions;

/// <summary>
/// The host's SQLite settings, in one place (the benchmark measures with the same): write-ahead log (readers do not
/// block the writer), synchronous=NORMAL (durable at checkpoints; a power cut may lose the last commits, never corrupt
/// the file) and a busy timeout so a second writer waits instead of failing. Applied once per physical connection
/// (pooled connections keep them).
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public static readonly SqliteConnectionPragmas Instance = new();

    private readonly ConditionalWeakTable<object, object> _applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _applied.TryGetValue(handle, out _)) return;
        if (sqlite.DataSource is "" or ":memory:") return;
        using var command = sqlite.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        _applied.AddOrUpdate(handle, handle);
    }
}
