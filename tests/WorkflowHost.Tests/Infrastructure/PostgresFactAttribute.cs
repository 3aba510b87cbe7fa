namespace WorkflowHost.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL: runs when WORKFLOWHOST_TEST_PG holds a connection string (.ci/run sets it),
/// otherwise reported as skipped with the reason. (xunit 2 has no dynamic skip, so the attribute decides.)
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "WORKFLOWHOST_TEST_PG";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            Skip = $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5432;Database=postgres;Username=postgres;Password=postgres)";
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
