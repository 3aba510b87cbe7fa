using System.Diagnostics;

namespace WorkflowHost.Bench;

/// <summary>
/// Runs an operation up to <c>count</c> times or until the time limit, and reports the rate and the process CPU time
/// per item (on a shared machine the CPU time says what the work costs, the rate what it got).
/// </summary>
public sealed record Measurement(string Name, int Count, TimeSpan Elapsed)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary><paramref name="clients"/> callers take the next item as soon as their previous one returned.</summary>
    public static async Task<Measurement> RunAsync(string name, int count, TimeSpan limit, Func<int, Task> operation, bool print = true, int clients = 1)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < count && stopwatch.Elapsed < limit)
            {
                await operation(item);
                Interlocked.Increment(ref done);
            }
        })));
        stopwatch.Stop();
        var measurement = new Measurement(name, done, stopwatch.Elapsed);
        process.Refresh();
        var cpuPerItem = (process.TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(done, 1);
        if (print) Console.WriteLine($"{name,-40} {done,7} in {stopwatch.Elapsed.TotalSeconds,8:F2} s = {measurement.PerSecond,10:F0}/s  (process CPU {cpuPerItem:F3} ms each)");
        return measurement;
    }
}
