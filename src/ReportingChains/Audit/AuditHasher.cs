using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WorkflowHost.ReportingChains.Audit;

/// <summary>The SHA-256 hash that links an audit record to its predecessor.</summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Hex SHA-256 over every field except <see cref="AuditRecord.Hash"/>, previous hash included.</summary>
    public static string Compute(AuditRecord record)
    {
        var canonical = new StringBuilder();
        // Each field is length-prefixed so that no two different records share a canonical form.
        void Field(string? value)
        {
            if (value is null) { canonical.Append("-1:"); return; }
            canonical.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }
        Field(record.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(record.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Field(record.Actor);
        Field(record.Action);
        Field(record.UnitCode);
        Field(record.WorkflowInstanceId);
        Field(record.Target);
        Field(record.BeforeJson);
        Field(record.AfterJson);
        Field(record.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
