using System.Security.Cryptography;

namespace WorkflowHost.Workflows.Model;

/// <summary>Generates ids the way Elsa does: 16 lowercase hex characters (a random 64-bit number).</summary>
public static class Ids
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
