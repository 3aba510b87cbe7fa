namespace WorkflowHost.Bench;

/// <summary>
/// <c>--count N</c> items per measurement (default 2000), <c>--seconds S</c> time bound per measurement (default 60),
/// <c>--clients C</c> concurrent callers completing tasks (default 16: approvers acting at once, as around a deadline).
/// </summary>
public sealed record BenchOptions(int Count, TimeSpan TimeLimit, int Clients)
{
    public static BenchOptions Parse(string[] args)
    {
        var count = 2000;
        var seconds = 60;
        var clients = 16;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: count = n; i++; break;
                case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s) && s > 0: seconds = s; i++; break;
                case "--clients" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c > 0: clients = c; i++; break;
                default: throw new ArgumentException($"Unknown or invalid argument '{args[i]}'. Use --count N --seconds S --clients C.");
            }
        }
        return new BenchOptions(count, TimeSpan.FromSeconds(seconds), clients);
    }
}
