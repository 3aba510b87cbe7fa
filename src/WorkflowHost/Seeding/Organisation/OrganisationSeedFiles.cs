using System.Text.Json;

namespace WorkflowHost.Seeding.Organisation;

// The shapes of seeds/organisation/*.json (see seeds/README.md). Everything is read as text so that the validator
// can name the exact entry and field that is wrong instead of failing inside the JSON reader.

public sealed class UnitsFile
{
    public List<UnitSeed>? Units { get; set; }
}

public sealed class UnitSeed
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? Kind { get; set; }
    public string? Function { get; set; }
    public string? Parent { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    /// <summary>null, a unit code, or a list of { via, validFrom, validTo }.</summary>
    public JsonElement ReceivesVia { get; set; }
}

public sealed class MembersFile
{
    public List<MemberSeed>? Members { get; set; }
}

public sealed class MemberSeed
{
    public string? Unit { get; set; }
    public string? Person { get; set; }
    public string? Role { get; set; }
    public string? Title { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? UserName { get; set; }
}

public sealed class UsersFile
{
    public List<UserSeed>? Users { get; set; }
}

public sealed class UserSeed
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public List<string>? Roles { get; set; }
}

/// <summary>The three files as read from disk, with the paths to name in messages.</summary>
public sealed record OrganisationSeedSet(
    string UnitsPath, UnitsFile Units, string MembersPath, MembersFile Members, string UsersPath, UsersFile Users);
