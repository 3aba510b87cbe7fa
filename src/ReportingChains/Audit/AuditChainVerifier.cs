namespace WorkflowHost.ReportingChains.Audit;

/// <summary>Checks that a trail, read in sequence order, is an unbroken hash chain starting at record 1.</summary>
public static class AuditChainVerifier
{
    public static AuditChainVerification Verify(IEnumerable<AuditRecord> recordsInSequenceOrder)
    {
        var expectedSequence = 1L;
        var previousHash = AuditHasher.GenesisHash;
        var count = 0;
        foreach (var record in recordsInSequenceOrder)
        {
            if (record.Sequence != expectedSequence)
                return AuditChainVerification.Broken(count, expectedSequence,
                    $"expected record {expectedSequence} but found {record.Sequence} (a record is missing)");
            if (record.PreviousHash != previousHash)
                return AuditChainVerification.Broken(count, record.Sequence,
                    "its previous hash does not match the record before it");
            if (AuditHasher.Compute(record) != record.Hash)
                return AuditChainVerification.Broken(count, record.Sequence,
                    "its content does not match its hash (the record was changed)");
            previousHash = record.Hash;
            expectedSequence++;
            count++;
        }
        return new AuditChainVerification(true, count, null, null);
    }
}

/// <param name="VerifiedCount">How many records, from the first, were found intact.</param>
/// <param name="BrokenAtSequence">The first record that fails, when the chain is broken.</param>
public sealed record AuditChainVerification(bool IsIntact, int VerifiedCount, long? BrokenAtSequence, string? Problem)
{
    public static AuditChainVerification Broken(int verified, long sequence, string problem) =>
        new(false, verified, sequence, $"Audit record {sequence}: {problem}");
}
