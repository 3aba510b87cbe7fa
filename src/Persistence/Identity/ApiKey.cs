namespace WorkflowHost.Persistence.Identity;

/// <summary>
/// An API key of a user, sent as <c>Authorization: ApiKey &lt;key&gt;</c>. Only the SHA-256 hash of the key is
/// stored; the key itself is shown once, when minted.
/// </summary>
public class ApiKey
{
    public Guid Id { get; init; }
    public required string UserId { get; init; }
    /// <summary>What the key is for, e.g. "demo-admin" or "studio".</summary>
    public required string Name { get; init; }
    /// <summary>The first characters of the key, so a user can tell keys apart without the secret.</summary>
    public required string Prefix { get; init; }
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? ExpiresUtc { get; init; }
    public DateTime? RevokedUtc { get; set; }

    public bool IsUsableAt(DateTime utcNow) => RevokedUtc is null && (ExpiresUtc is null || utcNow < ExpiresUtc.Value);
}
