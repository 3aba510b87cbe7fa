using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Persistence.Audit;

public sealed class EfAuditTrail(WorkflowHostDbContext db, TimeProvider time) : IAuditTrail
{
    /// <summary>Arbitrary, fixed key of the PostgreSQL advisory lock that serialises appends.</summary>
    private const long AppendLockKey = 0x57484155444954; // "WHAUDIT"

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, string actor, CancellationToken cancellationToken = default)
    {
        // Two writers must not both append after the same record. SQLite transactions start with BEGIN IMMEDIATE,
        // so writers already queue; on PostgreSQL a transaction-scoped advisory lock makes them queue too (held
        // until the caller's transaction ends). Without a transaction the primary key still refuses a fork.
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken);
        var previous = await db.AuditRecords.AsNoTracking()
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        var record = AuditRecord.Next(previous, entry, actor, time.GetUtcNow());
        db.AuditRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditChainVerifier.Verify(await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(cancellationToken));
}
