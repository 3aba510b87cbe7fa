namespace WorkflowHost.Bench;

/// <summary><c>--count N</c> items per measurement (default 2000), <c>--seconds S</c> time bound per measurement (default 60).</summary>
public sealed record BenchOptions(int Count, TimeSpan TimeLimit)
{
    public static BenchOptions Parse(string[] args)
    {
        var count = 2000;
        var seconds = 60;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: count = n; i++; break;
                case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s) && s > 0: seconds = s; i++; break;
                default: throw new ArgumentException($"Unknown or invalid argument '{args[i]}'. Use --count N --seconds S.");
            }
        }
        return new BenchOptions(count, TimeSpan.FromSeconds(seconds));
    }
}
