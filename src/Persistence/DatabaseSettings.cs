using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace WorkflowHost.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// <c>Database:Provider</c> (Sqlite | Postgres) and <c>ConnectionStrings:WorkflowHost</c>, with a relative SQLite
/// file resolved against the repository root (and its folder created).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "WorkflowHost";
    public const string DefaultSqliteConnectionString = "Data Source=data/workflowhost.db";

    public static DatabaseSettings From(IConfiguration configuration, string rootPath)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException(
                $"Configuration Database:Provider is '{providerText}'; use 'Sqlite' or 'Postgres'.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    $"Database:Provider is Postgres but ConnectionStrings:{ConnectionStringName} is empty.");
            return new DatabaseSettings(provider, connectionString);
        }
        return new DatabaseSettings(provider, ResolveSqliteFile(connectionString ?? DefaultSqliteConnectionString, rootPath));
    }

    private static string ResolveSqliteFile(string connectionString, string rootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return builder.ToString();
        var file = Path.GetFullPath(Path.IsPathRooted(builder.DataSource)
            ? builder.DataSource : Path.Combine(rootPath, builder.DataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        builder.DataSource = file;
        return builder.ToString();
    }
}
