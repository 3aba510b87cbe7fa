namespace WorkflowHost.Infrastructure.Configuration;

/// <summary>The folders of an installation, all under the repository root.</summary>
public sealed record WorkflowHostPaths(string Root)
{
    public string Seeds => Path.Combine(Root, "seeds");
    public string OrganisationSeeds => Path.Combine(Seeds, "organisation");
    public string Workflows => Path.Combine(Root, "workflows");
    public string Data => Path.Combine(Root, "data");
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>A path as the operator sees it: relative to the root when inside it.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
