using System.Text.Json;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.ReportingChains.Tests.Plans;

namespace WorkflowHost.ReportingChains.Tests.Activities.Support;

/// <summary>
/// <see cref="IOrganisationQueries"/> over units and memberships held in memory: every question is answered from an
/// <see cref="OrganisationSnapshot"/> of the day, as the database implementation does. Counts snapshot queries so a
/// test can check that an activity asks for the tree once.
/// </summary>
public sealed class InMemoryOrganisation(IReadOnlyList<OrgUnit> units, IReadOnlyList<Membership> members) : IOrganisationQueries
{
    private int _snapshots;

    public int SnapshotQueries => _snapshots;

    /// <summary>The demo province of seeds/organisation (units.json and members.json).</summary>
    public static InMemoryOrganisation FromSeeds()
    {
        using var unitsJson = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("seeds", "organisation", "units.json")));
        using var membersJson = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("seeds", "organisation", "members.json")));
        var units = unitsJson.RootElement.GetProperty("units").EnumerateArray().Select(u => new OrgUnit
        {
            Code = u.GetProperty("code").GetString()!,
            Name = u.GetProperty("name").GetString()!,
            ShortName = u.GetProperty("shortName").GetString()!,
            Kind = Enum.Parse<UnitKind>(u.GetProperty("kind").GetString()!),
            Function = u.GetProperty("function").GetString() is { } f ? Enum.Parse<BoardFunction>(f) : null,
            ParentCode = u.GetProperty("parent").GetString(),
            ValidFrom = Day(u.GetProperty("validFrom"))!.Value,
            ValidTo = Day(u.GetProperty("validTo")),
            ReceivesVia = u.GetProperty("receivesVia") is { ValueKind: JsonValueKind.Array } channels
                ? channels.EnumerateArray().Select(c => new ReceivingChannel
                {
                    UnitCode = u.GetProperty("code").GetString()!, ViaCode = c.GetProperty("via").GetString()!,
                    ValidFrom = Day(c.GetProperty("validFrom"))!.Value, ValidTo = Day(c.GetProperty("validTo")),
                }).ToList()
                : [],
        }).ToList();
        var members = membersJson.RootElement.GetProperty("members").EnumerateArray().Select((m, i) => new Membership
        {
            Id = i + 1,
            UnitCode = m.GetProperty("unit").GetString()!,
            Person = m.GetProperty("person").GetString()!,
            Role = Enum.Parse<MemberRole>(m.GetProperty("role").GetString()!),
            Title = m.GetProperty("title").GetString()!,
            ValidFrom = Day(m.GetProperty("validFrom"))!.Value,
            ValidTo = Day(m.GetProperty("validTo")),
            UserName = m.GetProperty("userName").GetString(),
        }).ToList();
        return new InMemoryOrganisation(units, members);
    }

    /// <summary>A province "GEN" with <paramref name="count"/> grassroots units, each with a head and a drafter.</summary>
    public static InMemoryOrganisation Generated(int count)
    {
        var from = new DateOnly(2000, 1, 1);
        var units = new List<OrgUnit> { new() { Code = "GEN", Name = "Tỉnh ủy thử nghiệm", ShortName = "Tỉnh ủy", Kind = UnitKind.ProvincialCommittee, ValidFrom = from } };
        var members = new List<Membership>();
        for (var i = 1; i <= count; i++)
        {
            var code = $"CS-{i:D5}";
            units.Add(new OrgUnit { Code = code, Name = $"Chi bộ số {i}", ShortName = $"Chi bộ {i}", Kind = UnitKind.GrassrootsOrganisation, ParentCode = "GEN", ValidFrom = from });
            members.Add(new Membership { Id = 2 * i, UnitCode = code, Person = $"Bí thư {i}", Role = MemberRole.Secretary, Title = "Bí thư chi bộ", ValidFrom = from });
            members.Add(new Membership { Id = 2 * i + 1, UnitCode = code, Person = $"Chuyên viên {i}", Role = MemberRole.Drafter, Title = "Chuyên viên", ValidFrom = from });
        }
        return new InMemoryOrganisation(units, members);
    }

    public Task<OrganisationSnapshot> SnapshotAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _snapshots);
        return Task.FromResult(new OrganisationSnapshot(asOf, units, members));
    }

    private OrganisationSnapshot At(DateOnly asOf) => new(asOf, units, members);

    public Task<IReadOnlyList<OrgTreeNode>> TreeAsync(DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Tree());
    public Task<OrgUnit?> FindUnitAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Find(code));
    public Task<IReadOnlyList<OrgUnit>> ChildrenAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Children(code));
    public Task<IReadOnlyList<OrgUnit>> DescendantsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Descendants(code));
    public Task<IReadOnlyList<OrgUnit>> AncestorsAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Ancestors(code));
    public Task<OrgUnit?> ViaBodyAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).ViaBody(code));
    public Task<IReadOnlyList<Membership>> MembersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Members(code));
    public Task<IReadOnlyList<Membership>> CollectiveAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Collective(code));
    public Task<IReadOnlyList<Membership>> DraftersAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Drafters(code));
    public Task<Membership?> HeadAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).Head(code));
    public Task<IReadOnlyList<OrgUnit>> UnitsOfUserAsync(string userName, DateOnly asOf, CancellationToken cancellationToken = default) => Task.FromResult(At(asOf).UnitsOfUser(userName));

    private static DateOnly? Day(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(element.GetString()!);
}
