using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Seeding.Organisation;

/// <summary>The seed files turned into domain objects, every rule checked.</summary>
public sealed record ValidatedOrganisation(IReadOnlyList<OrgUnit> Units, IReadOnlyList<Membership> Members, IReadOnlyList<ValidatedUser> Users);

public sealed record ValidatedUser(string UserName, string DisplayName, string? Email, string Password, IReadOnlyList<string> Roles);

/// <summary>
/// Checks the whole seed set before anything is written and reports every problem at once: unknown kinds and
/// roles, duplicate or malformed codes, missing parents or via bodies, parents whose validity does not cover the
/// child, cycles, members of unknown units or outside the unit's validity, unknown user names, bad dates.
/// </summary>
public static partial class OrganisationSeedValidator
{
    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static ValidatedOrganisation Validate(OrganisationSeedSet seeds)
    {
        var problems = new List<SeedProblem>();
        var units = ValidateUnits(seeds.UnitsPath, seeds.Units.Units, problems);
        var users = ValidateUsers(seeds.UsersPath, seeds.Users.Users, problems);
        var members = ValidateMembers(seeds.MembersPath, seeds.Members.Members, units, users, problems);
        if (problems.Count > 0)
            throw new SeedDataException(problems);
        return new ValidatedOrganisation(units.Values.ToList(), members, users.Values.ToList());
    }

    private static Dictionary<string, OrgUnit> ValidateUnits(string file, List<UnitSeed>? seeds, List<SeedProblem> problems)
    {
        var units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        if (seeds is null)
        {
            problems.Add(new SeedProblem(file, "$", "the object has no \"units\" list"));
            return units;
        }
        var viaLists = new Dictionary<string, (string Location, JsonElement Via)>();
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var at = $"units[{i}]" + (string.IsNullOrWhiteSpace(seed.Code) ? "" : $" ({seed.Code})");
            void Problem(string message) => problems.Add(new SeedProblem(file, at, message));

            if (string.IsNullOrWhiteSpace(seed.Code)) { Problem("code is missing"); continue; }
            if (!CodePattern().IsMatch(seed.Code)) Problem($"code '{seed.Code}' must be upper-case ASCII letters and digits separated by dashes");
            if (units.ContainsKey(seed.Code)) { Problem($"duplicate code '{seed.Code}' (each code appears exactly once)"); continue; }
            if (string.IsNullOrWhiteSpace(seed.Name)) Problem("name is missing");
            if (string.IsNullOrWhiteSpace(seed.ShortName)) Problem("shortName is missing");
            var kind = ParseEnum<UnitKind>(seed.Kind, "kind", Problem);
            BoardFunction? function = seed.Function is null ? null : ParseEnum<BoardFunction>(seed.Function, "function", Problem);
            if (function is not null && kind is not null && kind != UnitKind.CommitteeBoard)
                Problem($"function is only for kind CommitteeBoard, but kind is {kind}");
            var validity = ParseValidity(seed.ValidFrom, seed.ValidTo, Problem);
            if (kind is null || validity is null) continue;
            units[seed.Code] = new OrgUnit
            {
                Code = seed.Code, Name = seed.Name ?? "", ShortName = seed.ShortName ?? "", Kind = kind.Value,
                Function = function, ParentCode = seed.Parent, ValidFrom = validity.Value.From, ValidTo = validity.Value.To,
            };
            viaLists[seed.Code] = (at, seed.ReceivesVia);
        }

        foreach (var unit in units.Values)
        {
            var at = viaLists[unit.Code].Location;
            if (unit.ParentCode is null) continue;
            if (!units.TryGetValue(unit.ParentCode, out var parent))
                problems.Add(new SeedProblem(file, at, $"parent '{unit.ParentCode}' does not exist"));
            else if (!parent.Validity().Covers(unit.Validity()))
                problems.Add(new SeedProblem(file, at,
                    $"parent '{parent.Code}' is valid {parent.Validity()}, which does not cover this unit's {unit.Validity()}"));
        }
        foreach (var unit in units.Values.Where(u => InCycle(u, units)))
            problems.Add(new SeedProblem(file, viaLists[unit.Code].Location, "the parent chain loops back to this unit"));

        foreach (var (code, (at, via)) in viaLists)
            units[code].ReceivesVia.AddRange(ValidateReceivesVia(file, at, units[code], via, units, problems));
        return units;
    }

    private static IEnumerable<ReceivingChannel> ValidateReceivesVia(
        string file, string at, OrgUnit unit, JsonElement via, Dictionary<string, OrgUnit> units, List<SeedProblem> problems)
    {
        void Problem(string message) => problems.Add(new SeedProblem(file, at, message));
        var channels = new List<ReceivingChannel>();
        switch (via.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return channels;
            case JsonValueKind.String:
                channels.Add(new ReceivingChannel
                {
                    UnitCode = unit.Code, ViaCode = via.GetString()!, ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo,
                });
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in via.EnumerateArray())
                {
                    var itemAt = $"receivesVia[{index++}]";
                    if (item.ValueKind != JsonValueKind.Object
                        || !item.TryGetProperty("via", out var code) || code.ValueKind != JsonValueKind.String)
                    {
                        Problem($"{itemAt} must be an object {{\"via\", \"validFrom\", \"validTo\"}}");
                        continue;
                    }
                    var unknown = item.EnumerateObject().Select(p => p.Name).Except(["via", "validFrom", "validTo"]).ToList();
                    if (unknown.Count > 0) Problem($"{itemAt} has unknown properties: {string.Join(", ", unknown)}");
                    var validity = ParseValidity(Text(item, "validFrom"), Text(item, "validTo"), m => Problem($"{itemAt}: {m}"));
                    if (validity is null) continue;
                    channels.Add(new ReceivingChannel
                    {
                        UnitCode = unit.Code, ViaCode = code.GetString()!, ValidFrom = validity.Value.From, ValidTo = validity.Value.To,
                    });
                }
                break;
            default:
                Problem("receivesVia must be null, a unit code or a list of {via, validFrom, validTo}");
                return channels;
        }
        foreach (var channel in channels)
        {
            if (!units.TryGetValue(channel.ViaCode, out var viaUnit))
                Problem($"receivesVia '{channel.ViaCode}' does not exist");
            else if (!viaUnit.Validity().Covers(channel.Validity()))
                Problem($"receivesVia '{channel.ViaCode}' is valid {viaUnit.Validity()}, which does not cover {channel.Validity()}");
            if (!unit.Validity().Covers(channel.Validity()))
                Problem($"receivesVia '{channel.ViaCode}' period {channel.Validity()} lies outside the unit's {unit.Validity()}");
        }
        for (var i = 0; i < channels.Count; i++)
            for (var j = i + 1; j < channels.Count; j++)
                if (channels[i].Validity().Overlaps(channels[j].Validity()))
                    Problem($"receivesVia periods {channels[i].Validity()} and {channels[j].Validity()} overlap");
        return channels;
    }

    private static Dictionary<string, ValidatedUser> ValidateUsers(string file, List<UserSeed>? seeds, List<SeedProblem> problems)
    {
        var users = new Dictionary<string, ValidatedUser>(StringComparer.OrdinalIgnoreCase);
        if (seeds is null)
        {
            problems.Add(new SeedProblem(file, "$", "the object has no \"users\" list"));
            return users;
        }
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var at = $"users[{i}]" + (string.IsNullOrWhiteSpace(seed.UserName) ? "" : $" ({seed.UserName})");
            void Problem(string message) => problems.Add(new SeedProblem(file, at, message));
            if (string.IsNullOrWhiteSpace(seed.UserName)) { Problem("userName is missing"); continue; }
            if (users.ContainsKey(seed.UserName)) { Problem($"duplicate userName '{seed.UserName}'"); continue; }
            if (string.IsNullOrWhiteSpace(seed.DisplayName)) Problem("displayName is missing");
            if (string.IsNullOrEmpty(seed.Password)) Problem("password is missing");
            var roles = seed.Roles ?? [];
            foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
                Problem($"unknown role '{role}' (roles are {string.Join(", ", Roles.All)})");
            users[seed.UserName] = new ValidatedUser(seed.UserName, seed.DisplayName ?? "", seed.Email, seed.Password ?? "",
                roles.Distinct().ToList());
        }
        return users;
    }

    private static List<Membership> ValidateMembers(
        string file, List<MemberSeed>? seeds, Dictionary<string, OrgUnit> units,
        Dictionary<string, ValidatedUser> users, List<SeedProblem> problems)
    {
        var members = new List<Membership>();
        if (seeds is null)
        {
            problems.Add(new SeedProblem(file, "$", "the object has no \"members\" list"));
            return members;
        }
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var at = $"members[{i}]" + (string.IsNullOrWhiteSpace(seed.Person) ? "" : $" ({seed.Person}, {seed.Unit})");
            void Problem(string message) => problems.Add(new SeedProblem(file, at, message));
            if (string.IsNullOrWhiteSpace(seed.Person)) Problem("person is missing");
            if (string.IsNullOrWhiteSpace(seed.Title)) Problem("title is missing");
            var role = ParseEnum<MemberRole>(seed.Role, "role", Problem);
            var validity = ParseValidity(seed.ValidFrom, seed.ValidTo, Problem);
            OrgUnit? unit = null;
            if (string.IsNullOrWhiteSpace(seed.Unit)) Problem("unit is missing");
            else if (!units.TryGetValue(seed.Unit, out unit)) Problem($"unit '{seed.Unit}' does not exist");
            if (seed.UserName is not null && !users.ContainsKey(seed.UserName))
                Problem($"userName '{seed.UserName}' is not in users.json");
            if (unit is not null && validity is not null && !unit.Validity().Covers(validity.Value))
                Problem($"membership {validity.Value} lies outside unit '{unit.Code}' validity {unit.Validity()}");
            if (role is null || validity is null || unit is null) continue;
            members.Add(new Membership
            {
                UnitCode = unit.Code, Person = seed.Person ?? "", Role = role.Value, Title = seed.Title ?? "",
                ValidFrom = validity.Value.From, ValidTo = validity.Value.To, UserName = seed.UserName,
            });
        }
        return members;
    }

    private static T? ParseEnum<T>(string? text, string field, Action<string> problem) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) { problem($"{field} is missing"); return null; }
        if (Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0]))
            return value;
        problem($"unknown {field} '{text}' (expected one of {string.Join(", ", Enum.GetNames<T>())})");
        return null;
    }

    private static Validity? ParseValidity(string? from, string? to, Action<string> problem)
    {
        var ok = true;
        if (!TryParseDate(from, out var validFrom)) { problem($"validFrom '{from}' is not a date yyyy-MM-dd"); ok = false; }
        DateOnly? validTo = null;
        if (to is not null)
        {
            if (TryParseDate(to, out var parsedTo)) validTo = parsedTo;
            else { problem($"validTo '{to}' is not a date yyyy-MM-dd (or null)"); ok = false; }
        }
        if (ok && validTo < validFrom) { problem($"validTo {validTo:yyyy-MM-dd} is before validFrom {validFrom:yyyy-MM-dd}"); ok = false; }
        return ok ? new Validity(validFrom, validTo) : null;
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool InCycle(OrgUnit start, Dictionary<string, OrgUnit> units)
    {
        var seen = new HashSet<string>();
        for (var code = start.ParentCode; code is not null && units.TryGetValue(code, out var parent); code = parent.ParentCode)
        {
            if (code == start.Code) return true;
            if (!seen.Add(code)) return false;
        }
        return false;
    }
}
