using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.ReportingChains.Tests.Organisation;

public sealed class ValidityTests
{
    private static readonly Validity District = new(new DateOnly(1991, 10, 1), new DateOnly(2025, 6, 30));

    [Theory]
    [InlineData("1991-10-01", true)]
    [InlineData("2025-06-30", true)]
    [InlineData("1991-09-30", false)]
    [InlineData("2025-07-01", false)]
    public void Both_ends_are_inclusive(string day, bool valid) =>
        Assert.Equal(valid, District.Contains(DateOnly.Parse(day)));

    [Fact]
    public void Open_ended_ranges_contain_every_later_day() =>
        Assert.True(new Validity(new DateOnly(2025, 7, 1), null).Contains(new DateOnly(2999, 1, 1)));

    [Fact]
    public void Covers_requires_the_inner_range_inside_including_open_ends()
    {
        var open = new Validity(new DateOnly(1991, 10, 1), null);
        Assert.True(open.Covers(District));
        Assert.False(District.Covers(open));
        Assert.True(District.Covers(District));
        Assert.False(District.Covers(new Validity(new DateOnly(1991, 9, 30), new DateOnly(2000, 1, 1))));
    }

    [Fact]
    public void Adjacent_periods_do_not_overlap()
    {
        var first = new Validity(new DateOnly(1991, 10, 1), new DateOnly(2025, 2, 28));
        var second = new Validity(new DateOnly(2025, 3, 1), null);
        Assert.False(first.Overlaps(second));
        Assert.True(first.Overlaps(new Validity(new DateOnly(2025, 2, 28), null)));
    }

    [Theory]
    [InlineData(UnitKind.CentralBody, UnitLevel.TrungUong)]
    [InlineData(UnitKind.ProvincialCommittee, UnitLevel.Tinh)]
    [InlineData(UnitKind.CommitteeBoard, UnitLevel.Tinh)]
    [InlineData(UnitKind.Department, UnitLevel.Tinh)]
    [InlineData(UnitKind.DistrictCommittee, UnitLevel.Huyen)]
    [InlineData(UnitKind.DirectCommittee, UnitLevel.Huyen)]
    [InlineData(UnitKind.CommuneCommittee, UnitLevel.CoSo)]
    [InlineData(UnitKind.GrassrootsOrganisation, UnitLevel.CoSo)]
    public void The_level_follows_from_the_kind(UnitKind kind, UnitLevel level) => Assert.Equal(level, kind.LevelOf());

    [Fact]
    public void Every_kind_has_a_level()
    {
        foreach (var kind in Enum.GetValues<UnitKind>())
            _ = kind.LevelOf();
    }
}
