namespace WorkflowHost.ReportingChains.Audit;

/// <summary>
/// One append-only entry of the audit trail. Records form a hash chain: each <see cref="Hash"/> covers the
/// record's fields and the <see cref="PreviousHash"/>, so changing, removing or reordering a record is detectable.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>1, 2, 3 … with no gaps; also the primary key, so two writers cannot both append number n.</summary>
    public long Sequence { get; init; }
    public DateTime TimeUtc { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? UnitCode { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public required string Target { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
    /// <summary>Hash of the record before this one; <see cref="AuditHasher.GenesisHash"/> for the first.</summary>
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    /// <summary>Creates the record that follows <paramref name="previous"/> (null for the very first record).</summary>
    public static AuditRecord Next(AuditRecord? previous, AuditEntry entry, string actor, DateTimeOffset now)
    {
        // Whole milliseconds: PostgreSQL keeps microseconds and SQLite keeps ticks, so anything finer would make the
        // hash depend on the database it was read back from.
        var time = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? AuditHasher.GenesisHash;
        var unhashed = new AuditRecord
        {
            Sequence = sequence, TimeUtc = time, Actor = actor, Action = entry.Action, UnitCode = entry.UnitCode,
            WorkflowInstanceId = entry.WorkflowInstanceId, Target = entry.Target, BeforeJson = entry.BeforeJson,
            AfterJson = entry.AfterJson, PreviousHash = previousHash, Hash = "",
        };
        return new AuditRecord
        {
            Sequence = sequence, TimeUtc = time, Actor = actor, Action = entry.Action, UnitCode = entry.UnitCode,
            WorkflowInstanceId = entry.WorkflowInstanceId, Target = entry.Target, BeforeJson = entry.BeforeJson,
            AfterJson = entry.AfterJson, PreviousHash = previousHash, Hash = AuditHasher.Compute(unhashed),
        };
    }
}

/// <summary>What happened, as told by the code that did it; the trail adds sequence, time, actor and hashes.</summary>
/// <param name="Action">A stable English verb phrase, e.g. "SignIn", "ReportApproved".</param>
/// <param name="Target">What the action was about, e.g. "user:bithu.tu", "report:42".</param>
/// <param name="Actor">Overrides the signed-in user (e.g. a sign-in, where nobody is signed in yet).</param>
public sealed record AuditEntry(
    string Action,
    string Target,
    string? UnitCode = null,
    string? WorkflowInstanceId = null,
    string? BeforeJson = null,
    string? AfterJson = null,
    string? Actor = null);
