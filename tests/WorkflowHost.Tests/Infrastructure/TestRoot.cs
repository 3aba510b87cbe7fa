using Microsoft.Data.Sqlite;
using WorkflowHost.Infrastructure.Configuration;

namespace WorkflowHost.Tests.Infrastructure;

/// <summary>
/// A throw-away installation root: the repository's real appsettings.json plus the fixture organisation under
/// seeds/organisation. data/ and logs/ are created inside it by the host, never in the developer's checkout.
/// </summary>
public sealed class TestRoot : IDisposable
{
    private TestRoot(string path) => Path = path;

    public string Path { get; }
    public string OrganisationSeeds => System.IO.Path.Combine(Path, "seeds", "organisation");
    public string DatabaseFile => System.IO.Path.Combine(Path, "data", "workflowhost.db");
    public string Logs => System.IO.Path.Combine(Path, "logs");

    /// <param name="withSeeds">Copy the fixture organisation (units, members, users).</param>
    public static TestRoot Create(bool withSeeds = true)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workflowhost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var repository = RepositoryRoot.Locate(null);
        File.Copy(System.IO.Path.Combine(repository, "appsettings.json"), System.IO.Path.Combine(path, "appsettings.json"));
        var root = new TestRoot(path);
        if (withSeeds)
        {
            Directory.CreateDirectory(root.OrganisationSeeds);
            foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "organisation")))
                File.Copy(file, System.IO.Path.Combine(root.OrganisationSeeds, System.IO.Path.GetFileName(file)));
        }
        return root;
    }

    public string SeedFile(string name) => System.IO.Path.Combine(OrganisationSeeds, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a log file still open by a disposed host's sink; the temp folder is cleaned by the OS */ }
    }
}
