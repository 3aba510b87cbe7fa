using WorkflowHost.Rehearsal;

namespace WorkflowHost.Tests.Rehearsal;

/// <summary>Plan 003 (Lào Cai 2026, an implementation plan) rehearsed 2026–2030: its units are the executing units of its tasks.</summary>
public sealed class Plan003RehearsalTests
{
    [Fact]
    public async Task Tasks_are_counted_per_executing_unit_and_the_stored_target_values_equal_what_the_units_reported()
    {
        await using var run = await RehearsalCommand.RunAsync(new RehearsalOptions("003", Late: 0.2, Reject: 0, Seed: 3), [], TextWriter.Null);
        var summary = run.Summary;

        Assert.True(summary.Complete);
        // Task 1.1 goes to the 34 party committees of the two-level tree (no huyện in 2026).
        Assert.Equal(34, summary.Units.Count(u => u.Level == "nhiem-vu-1.1"));
        Assert.DoesNotContain(summary.Units, u => u.UnitCode.StartsWith("HU-"));
        Assert.Equal(0, summary.Missing);
        Assert.Equal(summary.Units.Count, summary.OnTime + summary.Late);
        Assert.All(summary.Units.Where(u => u.Late), u => Assert.True(u.FirstSubmittedAt > u.DeadlineUtc));

        Assert.NotEmpty(summary.FinalTotals);
        Assert.True(summary.TotalsMatch);
        Assert.StartsWith($"rehearsal 003: complete=true units={summary.Units.Count} ", summary.LastLine);
    }
}
