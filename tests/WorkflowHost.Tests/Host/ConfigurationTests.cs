using Microsoft.Extensions.Configuration;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Persistence;

namespace WorkflowHost.Tests.Host;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "workflowhost-tests", "config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void The_root_is_the_folder_holding_the_solution_file_above_the_test_binaries()
    {
        var root = RepositoryRoot.Locate(null);

        Assert.True(File.Exists(Path.Combine(root, "WorkflowHost.sln")));
        Assert.True(File.Exists(Path.Combine(root, "appsettings.json")));
    }

    [Fact]
    public void An_override_wins_and_must_exist()
    {
        Assert.Equal(_folder, RepositoryRoot.Locate(_folder));

        var missing = Path.Combine(_folder, "nowhere");
        var exception = Assert.Throws<InvalidOperationException>(() => RepositoryRoot.Locate(missing));
        Assert.Contains("WORKFLOWHOST_ROOT", exception.Message);
        Assert.Contains(missing, exception.Message);
    }

    [Fact]
    public void Sqlite_is_the_default_with_its_file_under_the_root_and_the_folder_created()
    {
        var settings = DatabaseSettings.From(Config(), _folder);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(Path.Combine(_folder, "data", "workflowhost.db"), settings.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public void An_absolute_sqlite_path_is_kept()
    {
        var file = Path.Combine(_folder, "elsewhere", "x.db");

        var settings = DatabaseSettings.From(Config(("ConnectionStrings:WorkflowHost", $"Data Source={file}")), "/unused");

        Assert.Contains(file, settings.ConnectionString);
    }

    [Fact]
    public void Postgres_needs_a_connection_string_and_unknown_providers_are_named()
    {
        var noConnection = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.From(Config(("Database:Provider", "Postgres")), _folder));
        Assert.Contains("ConnectionStrings:WorkflowHost", noConnection.Message);

        var unknown = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.From(Config(("Database:Provider", "Oracle")), _folder));
        Assert.Contains("'Oracle'", unknown.Message);

        var postgres = DatabaseSettings.From(Config(("Database:Provider", "postgres"), ("ConnectionStrings:WorkflowHost", "Host=db")), _folder);
        Assert.Equal(DatabaseProvider.Postgres, postgres.Provider);
        Assert.Equal("Host=db", postgres.ConnectionString);
    }

    [Fact]
    public void Urls_come_from_appsettings_unless_the_environment_or_command_line_says_otherwise()
    {
        using var root = Infrastructure.TestRoot.Create(withSeeds: false);
        var rootArgument = $"--WORKFLOWHOST_ROOT={root.Path}";

        Assert.Equal("http://localhost:5000", WorkflowHostBuilder.Create([rootArgument]).Configuration["Urls"]);
        Assert.Equal("http://127.0.0.1:6001",
            WorkflowHostBuilder.Create([rootArgument, "--urls=http://127.0.0.1:6001"]).Configuration["Urls"]);

        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.1:6002");
        try
        {
            var builder = WorkflowHostBuilder.Create([rootArgument]);
            Assert.Equal("http://127.0.0.1:6002", builder.Configuration["Urls"]);
            Assert.Equal(root.Path, builder.Environment.ContentRootPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        }
    }
}
