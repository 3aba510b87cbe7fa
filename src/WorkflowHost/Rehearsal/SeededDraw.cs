using System.Text;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// The rehearsal's randomness: every draw is keyed by the seed and by what it decides (unit, task, indicator), not
/// by the order the engine happened to open tasks in, so one seed always gives the same story.
/// </summary>
public sealed class SeededDraw(int seed)
{
    /// <summary>A number in [0, 1).</summary>
    public double Share(params string[] key) => Random(key).NextDouble();

    /// <summary>A whole number in [min, max].</summary>
    public int Between(int min, int max, params string[] key) => Random(key).Next(min, max + 1);

    private Random Random(string[] key)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('\u001f', key)))
            hash = (hash ^ b) * 1099511628211UL;
        return new Random((int)(hash ^ (hash >> 32)));
    }
}
