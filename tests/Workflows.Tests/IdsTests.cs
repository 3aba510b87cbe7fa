using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Tests;

public sealed class IdsTests
{
    [Fact]
    public void Ids_are_24_hex_characters_and_later_ids_sort_after_earlier_ones()
    {
        var earlier = Ids.New();
        Thread.Sleep(5);
        var later = Enumerable.Range(0, 1000).Select(_ => Ids.New()).ToList();

        Assert.Matches("^[0-9a-f]{24}$", earlier);
        Assert.All(later, id => Assert.True(string.CompareOrdinal(earlier, id) < 0, $"{id} sorts before the earlier {earlier}"));
        Assert.Equal(later.Count, later.Distinct().Count());
    }

    [Fact]
    public void An_id_starts_with_its_creation_millisecond()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Ids.New();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var milliseconds = Convert.ToInt64(id[..12], 16);
        Assert.InRange(milliseconds, before, after);
    }
}
