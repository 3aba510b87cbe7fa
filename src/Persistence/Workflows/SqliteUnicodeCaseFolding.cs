using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// SQLite's built-in <c>lower()</c>/<c>upper()</c> fold ASCII only, so a case-insensitive search for "kế hoạch" would
/// miss "Kế Hoạch" (EF translates <c>ToLower()</c> to <c>lower()</c>). Each opened connection gets both replaced by
/// .NET's invariant case mapping — what PostgreSQL's <c>lower()</c> does in a UTF-8 database with a UTF-8 ctype. No
/// index is built on these functions, so replacing them changes no stored data.
/// </summary>
public sealed class SqliteUnicodeCaseFolding : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeCaseFolding Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
    }
}
