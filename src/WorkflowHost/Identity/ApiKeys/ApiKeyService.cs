using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Identity.ApiKeys;

/// <summary>Mints, checks and revokes API keys. Only SHA-256 hashes are stored.</summary>
public interface IApiKeyService
{
    /// <summary>Creates a key for the user; the returned <see cref="MintedApiKey.Key"/> is never shown again.</summary>
    Task<MintedApiKey> MintAsync(string userId, string name, TimeSpan? lifetime, CancellationToken cancellationToken = default);

    /// <summary>Stores a key whose value is given (the demo admin key from configuration) unless it exists.</summary>
    Task EnsureAsync(string userId, string name, string key, CancellationToken cancellationToken = default);

    /// <summary>The owner of a usable (known, not expired, not revoked) key; null otherwise.</summary>
    Task<ApplicationUser?> FindOwnerAsync(string key, CancellationToken cancellationToken = default);

    Task RevokeAsync(Guid keyId, CancellationToken cancellationToken = default);
}

public sealed record MintedApiKey(Guid Id, string Key, string Prefix, DateTime? ExpiresUtc);

public sealed class ApiKeyService(WorkflowHostDbContext db, TimeProvider time) : IApiKeyService
{
    private const string KeyPrefix = "whk_";

    public async Task<MintedApiKey> MintAsync(string userId, string name, TimeSpan? lifetime, CancellationToken cancellationToken = default)
    {
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var entity = NewEntity(userId, name, key, now, now + lifetime);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new MintedApiKey(entity.Id, key, entity.Prefix, entity.ExpiresUtc);
    }

    public async Task EnsureAsync(string userId, string name, string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
            return;
        db.ApiKeys.Add(NewEntity(userId, name, key, time.GetUtcNow().UtcDateTime, expiresUtc: null));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ApplicationUser?> FindOwnerAsync(string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        var stored = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (stored is null || !stored.IsUsableAt(time.GetUtcNow().UtcDateTime))
            return null;
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == stored.UserId, cancellationToken);
    }

    public async Task RevokeAsync(Guid keyId, CancellationToken cancellationToken = default)
    {
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == keyId, cancellationToken);
        stored.RevokedUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ApiKey NewEntity(string userId, string name, string key, DateTime createdUtc, DateTime? expiresUtc) => new()
    {
        Id = Guid.NewGuid(), UserId = userId, Name = name, Hash = Hash(key),
        Prefix = key[..Math.Min(key.Length / 2, 12)], CreatedUtc = createdUtc, ExpiresUtc = expiresUtc,
    };

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
