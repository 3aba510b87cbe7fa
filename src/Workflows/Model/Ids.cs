using System.Security.Cryptography;

namespace WorkflowHost.Workflows.Model;

/// <summary>
/// Identifiers of definitions, instances, activity executions, bookmarks, timers, journal entries and tasks.
/// <see cref="New"/> gives 24 lowercase hex characters: 48 bits of the creation millisecond (real time, not the
/// workflow clock), then 48 random bits. Time first, because every one of them is a primary key: new rows land at the
/// right edge of their index, so a commit touches a few pages instead of one random page per row (about half the
/// bytes written per commit on SQLite). Elsa's own ids are 16 random hex characters; Studio treats ids as opaque text.
/// </summary>
public static class Ids
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, milliseconds >>= 8) bytes[i] = (byte)milliseconds;
        RandomNumberGenerator.Fill(bytes[6..]);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The same id for the same parts: work that may be redone after a crash creates the same row again (a conflict), never a second one.</summary>
    public static string Derived(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts))).AsSpan(0, 8));
}
