using System.Security.Cryptography;
using System.Text;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// The id of a unit's report in one chain instance, derived from (plan, instance, unit): every activity of the chain
/// names the same report without a lookup, even when it is created in the commit that is still being written.
/// </summary>
public static class ReportIds
{
    public static Guid For(string planId, string workflowInstanceId, string unitCode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"report\n{planId}\n{workflowInstanceId}\n{unitCode}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // a name-based (version 5 style) Guid: never collides with random v4 ids
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
