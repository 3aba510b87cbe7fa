namespace WorkflowHost.ReportingChains.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends a record in the caller's unit of work (saved with it; inside the command's transaction when there is
    /// one). <paramref name="actor"/> is the user name or "system".
    /// </summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, string actor, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole trail and checks its hash chain.</summary>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
