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

    /// <summary>The same id for the same parts: work that may be redone after a crash creates the same row again (a conflict), never a second one.</summary>
    public static string Derived(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts))).AsSpan(0, 8));
}
