using System.Security.Cryptography;
using System.Text;
using Npgsql;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// One instance runs in one host at a time when several hosts share a PostgreSQL database: a session advisory lock
/// keyed by a 64-bit hash of the instance id, held on a dedicated connection for the whole burst (load → run →
/// commit; the commit uses its own connection). Inside one process the in-process lock is taken first, so waiting
/// bursts of the same process do not each hold a connection. A hash collision only serialises two unrelated instances;
/// the commit's row-version check stays the final guard.
/// </summary>
public sealed class PostgresWorkflowInstanceLock(DatabaseSettings settings) : IWorkflowInstanceLock
{
    private readonly InProcessWorkflowInstanceLock _local = new();

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var local = await _local.AcquireAsync(instanceId, cancellationToken);
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", Key(instanceId));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return new Held(connection, Key(instanceId), local);
        }
        catch
        {
            await connection.DisposeAsync();
            await local.DisposeAsync();
            throw;
        }
    }

    public static long Key(string instanceId) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("workflow-instance:" + instanceId)), 0);

    private sealed class Held(NpgsqlConnection connection, long key, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock too, should the unlock have failed.
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }
}
