using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowHost.Persistence.Conventions;

/// <summary>
/// The host's SQLite settings, in one place (the benchmark measures with the same):
/// <list type="bullet">
/// <item>write-ahead log: readers do not block the writer;</item>
/// <item>synchronous=FULL: a commit is on disk when it returns. An approver who was told "đã duyệt" keeps that decision
/// through a power cut; with NORMAL the last commits before one may roll back. The cost (one log sync per commit) is
/// shared by all bursts of a group commit (<c>EngineTransaction</c>);</item>
/// <item>wal_autocheckpoint=10000 pages (≈ 40 MB of log): the rows of recent commits are rewritten into the database
/// file once per many commits instead of every thousand pages — pages that many commits touch (index edges) are
/// copied once;</item>
/// <item>temp_store=MEMORY: the per-commit savepoints of a group keep their undo pages in memory, not in temp files;</item>
/// <item>a busy timeout, so a second writer (the timer claims, another process) waits instead of failing.</item>
/// </list>
/// Applied once per physical connection (pooled connections keep them).
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY; " +
                              "PRAGMA busy_timeout=30000;";

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
