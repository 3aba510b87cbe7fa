using System.Text.Json;

namespace WorkflowHost.Seeding.Organisation;

/// <summary>Reads units.json, members.json and users.json; reports missing files and JSON errors with line numbers.</summary>
public static class OrganisationSeedReader
{
    public const string UnitsFileName = "units.json";
    public const string MembersFileName = "members.json";
    public const string UsersFileName = "users.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        // A misspelt property ("valid_from") must not be silently ignored.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <param name="folder">seeds/organisation</param>
    /// <param name="display">Turns a full path into the name shown in messages (relative to the root).</param>
    public static OrganisationSeedSet Read(string folder, Func<string, string> display)
    {
        var problems = new List<SeedProblem>();
        var units = ReadFile<UnitsFile>(Path.Combine(folder, UnitsFileName), display, problems);
        var members = ReadFile<MembersFile>(Path.Combine(folder, MembersFileName), display, problems);
        var users = ReadFile<UsersFile>(Path.Combine(folder, UsersFileName), display, problems);
        if (problems.Count > 0)
            throw new SeedDataException(problems);
        return new OrganisationSeedSet(
            display(Path.Combine(folder, UnitsFileName)), units!,
            display(Path.Combine(folder, MembersFileName)), members!,
            display(Path.Combine(folder, UsersFileName)), users!);
    }

    private static T? ReadFile<T>(string path, Func<string, string> display, List<SeedProblem> problems) where T : class
    {
        var shown = display(path);
        if (!File.Exists(path))
        {
            problems.Add(new SeedProblem(shown, "", "the file is missing"));
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options);
            if (value is null)
                problems.Add(new SeedProblem(shown, "", "the file contains null instead of an object"));
            return value;
        }
        catch (JsonException exception)
        {
            var location = exception.LineNumber is { } line
                ? $"line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}" +
                  (string.IsNullOrEmpty(exception.Path) ? "" : $" ({exception.Path})")
                : exception.Path ?? "";
            problems.Add(new SeedProblem(shown, location, "invalid JSON: " + FirstSentence(exception.Message)));
            return null;
        }
    }

    /// <summary>System.Text.Json appends "Path: … | LineNumber: …" (0-based) to its messages; we report our own.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
