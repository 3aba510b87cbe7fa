using Microsoft.Data.Sqlite;
using WorkflowHost.Persistence.Conventions;

namespace WorkflowHost.Bench;

/// <summary>
/// The yardstick: one INSERT of one small row per transaction, on the same file with the host's pragmas, through a
/// prepared ADO.NET command — the fastest a single-row commit gets here.
/// </summary>
public static class RawSqliteCommits
{
    public static async Task<Measurement> MeasureAsync(string connectionString, int count, TimeSpan limit, bool print = true)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = SqliteConnectionPragmas.Sql +
                " CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw (payload) VALUES ($payload)";
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        return await Measurement.RunAsync("raw sqlite commits", count, limit, async i =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            payload.Value = $"row {i}";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }, print);
    }
}
