using Microsoft.EntityFrameworkCore;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The due-item table (<c>WorkflowTimers</c>). Claims are one atomic statement that leases the earliest due rows whose
/// lease is free or expired and returns them.
/// <para>
/// Why <c>FOR UPDATE SKIP LOCKED</c> and not Quartz's clustered ADO job store: the due rows ARE the engine's bookmarks'
/// timers, written and deleted in the same transaction as the instance state that created or consumed them. A Quartz
/// store would be a second set of tables (and a second scheduler, with its own locking and misfire rules) to keep in
/// step with ours, and it could not join our commit — a timer could fire for a bookmark already consumed, or be lost
/// between the two. With SKIP LOCKED, hosts sharing a PostgreSQL database each take different rows without waiting on
/// one another, and the lease covers the time between the claim and the commit that deletes the row.
/// </para>
/// </summary>
public sealed class EfTimerStore(WorkflowHostDbContext db) : ITimerStore
{
    public async Task<IReadOnlyList<ScheduledTimer>> ClaimDueAsync(DateTimeOffset now, int batchSize, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var nowUtc = now.UtcDateTime;
        var leaseUntilUtc = leaseUntil.UtcDateTime;
        var claimed = db.Database.IsNpgsql()
            ? db.Set<WorkflowTimerRow>().FromSql($"""
                UPDATE "WorkflowTimers" AS t SET "LeaseOwner" = {owner}, "LeaseUntil" = {leaseUntilUtc}
                FROM (SELECT "Id" FROM "WorkflowTimers"
                      WHERE "DueAt" <= {nowUtc} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {nowUtc})
                      ORDER BY "DueAt", "Id" LIMIT {batchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE t."Id" = due."Id"
                RETURNING t.*
                """)
            // One process owns a SQLite file and a write statement holds the database lock: one UPDATE … RETURNING
            // (SQLite ≥ 3.35) is atomic without row locks.
            : db.Set<WorkflowTimerRow>().FromSql($"""
                UPDATE "WorkflowTimers" SET "LeaseOwner" = {owner}, "LeaseUntil" = {leaseUntilUtc}
                WHERE "Id" IN (SELECT "Id" FROM "WorkflowTimers"
                               WHERE "DueAt" <= {nowUtc} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {nowUtc})
                               ORDER BY "DueAt", "Id" LIMIT {batchSize})
                RETURNING *
                """);
        var rows = await claimed.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(RowMapping.ToTimer).OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<DateTimeOffset?> GetNextDueAtAsync(CancellationToken cancellationToken = default) =>
        RowMapping.Offset(await db.Set<WorkflowTimerRow>().MinAsync(t => (DateTime?)t.DueAt, cancellationToken));

    public Task DeleteAsync(string timerId, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowTimerRow>().Where(t => t.Id == timerId).ExecuteDeleteAsync(cancellationToken);

    public async Task AddAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        db.Add(RowMapping.ToRow(timer));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledTimer>> ListAsync(string? workflowInstanceId = null, CancellationToken cancellationToken = default)
    {
        var timers = db.Set<WorkflowTimerRow>().AsNoTracking();
        if (workflowInstanceId is not null) timers = timers.Where(t => t.WorkflowInstanceId == workflowInstanceId);
        return (await timers.OrderBy(t => t.DueAt).ToListAsync(cancellationToken)).Select(RowMapping.ToTimer).ToList();
    }
}
