using System.Globalization;

namespace WorkflowHost.Rehearsal;

/// <summary>A command line of <c>rehearse</c> that cannot be run; the message says which option and why.</summary>
public sealed class RehearsalOptionsException(string message) : Exception(message);

/// <summary>
/// <c>rehearse --plan &lt;000|002|003|004|definition id&gt; [--units N] [--late 0.1] [--reject 0.05] [--seed 1] [--connection …]</c>.
/// </summary>
/// <param name="Plan">As typed: a seed plan number or a workflow definition id.</param>
/// <param name="Units">Rehearse on a generated organisation of about this many reporting units instead of the demo one.</param>
/// <param name="Late">Share of units whose drafters submit after their deadline.</param>
/// <param name="Reject">Share of collectives that reject the first draft, and of via bodies that return the first submission.</param>
/// <param name="Connection">The database; a temporary SQLite file when null.</param>
public sealed record RehearsalOptions(string Plan, int? Units = null, double Late = 0.1, double Reject = 0.05, int Seed = 1, string? Connection = null)
{
    public const string Usage =
        "usage: rehearse --plan <000|002|003|004|definition id> [--units N] [--late 0.1] [--reject 0.05] [--seed 1] [--connection <connection string>]";

    /// <summary>Units that are late whatever the draw (tests pin the scenario with these).</summary>
    public IReadOnlySet<string> LateUnits { get; init; } = new HashSet<string>();
    /// <summary>Units whose collective rejects the first draft whatever the draw.</summary>
    public IReadOnlySet<string> RejectingUnits { get; init; } = new HashSet<string>();
    /// <summary>Units whose first submission the via body returns whatever the draw.</summary>
    public IReadOnlySet<string> ReturnedUnits { get; init; } = new HashSet<string>();

    /// <summary>The workflow definition to start: <c>plan-&lt;number&gt;</c> for a seed plan number, else the id as given.</summary>
    public string DefinitionId => Plan.All(char.IsAsciiDigit) ? "plan-" + Plan : Plan;

    /// <summary>The plan template id: the number, or the part after <c>plan-</c> of a definition id.</summary>
    public string PlanId => Plan.All(char.IsAsciiDigit) ? Plan : Plan.StartsWith("plan-", StringComparison.Ordinal) ? Plan["plan-".Length..] : Plan;

    /// <summary>Reads the options after the word <c>rehearse</c>.</summary>
    public static RehearsalOptions Parse(IReadOnlyList<string> args)
    {
        string? plan = null, connection = null;
        int? units = null;
        double late = 0.1, reject = 0.05;
        var seed = 1;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
                throw new RehearsalOptionsException($"rehearse: unexpected argument \"{name}\".\n{Usage}");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new RehearsalOptionsException($"rehearse: {name} needs a value.\n{Usage}");
            var value = args[++i];
            switch (name)
            {
                case "--plan": plan = value.Trim(); break;
                case "--units": units = PositiveInt(name, value); break;
                case "--late": late = Share(name, value); break;
                case "--reject": reject = Share(name, value); break;
                case "--seed": seed = Int(name, value); break;
                case "--connection": connection = value; break;
                default: throw new RehearsalOptionsException($"rehearse: unknown option {name}.\n{Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(plan))
            throw new RehearsalOptionsException($"rehearse: --plan is required.\n{Usage}");
        return new RehearsalOptions(plan, units, late, reject, seed, connection);
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new RehearsalOptionsException($"rehearse: {name} must be a whole number, got \"{value}\".");

    private static int PositiveInt(string name, string value) =>
        Int(name, value) is var number and > 0 ? number : throw new RehearsalOptionsException($"rehearse: {name} must be at least 1, got {value}.");

    private static double Share(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new RehearsalOptionsException($"rehearse: {name} must be a share between 0 and 1 (e.g. 0.1), got \"{value}\".");
}
