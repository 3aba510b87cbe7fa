using Microsoft.EntityFrameworkCore;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Persistence.Audit;

public sealed class EfAuditTrail(WorkflowHostDbContext db, TimeProvider time) : IAuditTrail
{
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, string actor, CancellationToken cancellationToken = default)
    {
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
