using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Seeding.Organisation;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Seeding;

/// <summary>Start-up with good and bad seed files, through the real host.</summary>
public sealed class SeedStartupTests
{
    private static long Count(TestRoot root, string table)
    {
        using var connection = new SqliteConnection($"Data Source={root.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private static SeedDataException StartExpectingSeedFailure(TestRoot root)
    {
        using var factory = new WorkflowHostFactory(root);
        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);
        return Assert.IsType<SeedDataException>(exception is SeedDataException ? exception : exception.GetBaseException());
    }

    private static void AssertDatabaseUntouched(TestRoot root)
    {
        foreach (var table in new[] { "OrgUnits", "Memberships", "ReceivingChannels", "AspNetUsers", "AspNetRoles", "ApiKeys", "AuditRecords" })
            Assert.Equal(0, Count(root, table));
    }

    [Fact]
    public void A_json_syntax_error_stops_start_up_naming_the_file_and_line_and_writes_nothing()
    {
        using var root = TestRoot.Create();
        var lines = File.ReadAllLines(root.SeedFile("units.json")).ToList();
        lines[3] = lines[3].Replace("\"kind\":", "\"kind\"");   // line 4 loses its colon
        File.WriteAllLines(root.SeedFile("units.json"), lines);

        var exception = StartExpectingSeedFailure(root);

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("seeds/organisation/units.json", problem.File);
        Assert.StartsWith("line 4,", problem.Location);
        Assert.Contains("invalid JSON", problem.Message);
        Assert.Contains("seeds/organisation/units.json: line 4", exception.Message);
        AssertDatabaseUntouched(root);
    }

    [Fact]
    public void An_unknown_parent_stops_start_up_naming_the_unit_and_writes_nothing()
    {
        using var root = TestRoot.Create();
        var text = File.ReadAllText(root.SeedFile("units.json"));
        File.WriteAllText(root.SeedFile("units.json"), text.Replace("\"parent\": \"HU-SAPA\"", "\"parent\": \"HU-KHONGCO\""));

        var exception = StartExpectingSeedFailure(root);

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("seeds/organisation/units.json", problem.File);
        Assert.Contains("CS-SAPA-01", problem.Location);
        Assert.Equal("parent 'HU-KHONGCO' does not exist", problem.Message);
        AssertDatabaseUntouched(root);
    }

    [Fact]
    public void A_duplicate_code_stops_start_up_and_writes_nothing()
    {
        using var root = TestRoot.Create();
        var text = File.ReadAllText(root.SeedFile("units.json"));
        File.WriteAllText(root.SeedFile("units.json"), text.Replace("\"code\": \"CS-BATXAT-02\"", "\"code\": \"CS-BATXAT-01\""));

        var exception = StartExpectingSeedFailure(root);

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("units[11] (CS-BATXAT-01)", problem.Location);
        Assert.Contains("duplicate code 'CS-BATXAT-01'", problem.Message);
        AssertDatabaseUntouched(root);
    }

    [Fact]
    public void Missing_seed_files_stop_start_up_naming_each_file()
    {
        using var root = TestRoot.Create(withSeeds: false);

        var exception = StartExpectingSeedFailure(root);

        Assert.Equal(
            ["seeds/organisation/units.json", "seeds/organisation/members.json", "seeds/organisation/users.json"],
            exception.Problems.Select(p => p.File));
        Assert.All(exception.Problems, p => Assert.Equal("the file is missing", p.Message));
        AssertDatabaseUntouched(root);
    }

    [Fact]
    public void A_password_identity_rejects_is_reported_before_anything_is_written()
    {
        using var root = TestRoot.Create();
        var text = File.ReadAllText(root.SeedFile("users.json"));
        var first = text.IndexOf("Demo@2026", StringComparison.Ordinal);
        File.WriteAllText(root.SeedFile("users.json"), text[..first] + "abc" + text[(first + "Demo@2026".Length)..]);

        var exception = StartExpectingSeedFailure(root);

        Assert.All(exception.Problems, p => Assert.Equal("users[0] (admin)", p.Location));
        Assert.NotEmpty(exception.Problems);
        AssertDatabaseUntouched(root);
    }

    [Fact]
    public async Task The_seed_is_loaded_once_and_a_second_start_changes_nothing()
    {
        using var root = TestRoot.Create();
        using (var first = new WorkflowHostFactory(root))
            _ = first.Server;
        var counts = new[] { "OrgUnits", "Memberships", "ReceivingChannels", "AspNetUsers", "AspNetUserRoles", "AspNetRoles", "ApiKeys" }
            .ToDictionary(t => t, t => Count(root, t));
        Assert.Equal(15, counts["OrgUnits"]);
        Assert.Equal(13, counts["Memberships"]);
        Assert.Equal(2, counts["ReceivingChannels"]);
        Assert.Equal(7, counts["AspNetUsers"]);
        Assert.Equal(4, counts["AspNetRoles"]);
        Assert.Equal(1, counts["ApiKeys"]);

        // Even a broken file is not read again once the organisation is in the database.
        File.WriteAllText(root.SeedFile("units.json"), "{ broken");
        using var second = new WorkflowHostFactory(root);
        _ = second.Server;
        foreach (var (table, count) in counts)
            Assert.Equal(count, Count(root, table));
        var admins = await second.InScopeAsync(s => s.GetRequiredService<WorkflowHostDbContext>().Users.CountAsync(u => u.UserName == "admin"));
        Assert.Equal(1, admins);
    }

    [Fact]
    public void Without_the_demo_key_setting_no_api_key_exists()
    {
        using var root = TestRoot.Create();
        using (var factory = new WorkflowHostFactory(root, new Dictionary<string, string?> { ["Demo:AdminApiKey"] = "" }))
            _ = factory.Server;

        Assert.Equal(0, Count(root, "ApiKeys"));
        Assert.Equal(7, Count(root, "AspNetUsers"));
    }
}
