using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// SQLite's built-in <c>lower()</c>/<c>upper()</c> fold ASCII only, so a case-insensitive search for "kế hoạch" would
/// miss "KẾ HOẠCH" (EF translates <c>ToLower()</c> to <c>lower()</c>). Each physical connection gets both replaced by
/// .NET's invariant case mapping — what PostgreSQL's <c>lower()</c> does in a UTF-8 database with a UTF-8 ctype. No
/// index is built on these functions, so replacing them changes no stored data.
/// <para>
/// Registered on the native handle once (pooled connections keep it), not through
/// <see cref="SqliteConnection.CreateFunction{T1,TResult}(string,Func{T1,TResult},bool)"/>: that one is removed again
/// when its connection object closes, which leaves the pooled handle without any working <c>lower()</c>.
/// </para>
/// </summary>
public sealed class SqliteUnicodeCaseFolding : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeCaseFolding Instance = new();

    // Static: the native side keeps calling these for the life of the process's connections.
    private static readonly delegate_function_scalar Lower = (context, _, args) => Fold(context, args[0], text => text.ToLowerInvariant());
    private static readonly delegate_function_scalar Upper = (context, _, args) => Fold(context, args[0], text => text.ToUpperInvariant());

    private readonly ConditionalWeakTable<object, object> _registered = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _registered.TryGetValue(handle, out _)) return;
        const int flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;
        if (raw.sqlite3_create_function(handle, "lower", 1, flags, null, Lower) != raw.SQLITE_OK
            || raw.sqlite3_create_function(handle, "upper", 1, flags, null, Upper) != raw.SQLITE_OK)
            throw new InvalidOperationException("Could not register SQLite's Unicode lower()/upper().");
        _registered.AddOrUpdate(handle, handle);
    }

    private static void Fold(sqlite3_context context, sqlite3_value value, Func<string, string> fold)
    {
        if (raw.sqlite3_value_type(value) == raw.SQLITE_NULL) raw.sqlite3_result_null(context);
        else raw.sqlite3_result_text(context, fold(raw.sqlite3_value_text(value).utf8_to_string()));
    }
}
