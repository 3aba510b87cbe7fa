namespace WorkflowHost.Seeding.Organisation;

/// <summary>One thing wrong in a seed file: which file, where in it, and what.</summary>
public sealed record SeedProblem(string File, string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}

/// <summary>The seed files are unusable; nothing was written to the database.</summary>
public sealed class SeedDataException(IReadOnlyList<SeedProblem> problems) : Exception(
    $"The organisation seed data is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); " +
    "nothing was written to the database:" + Environment.NewLine +
    string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;
}
