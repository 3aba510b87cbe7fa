namespace WorkflowHost.Studio;

/// <summary>Configuration section <c>Studio</c>.</summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>
    /// Folder holding the Studio package files (<c>_framework/</c>, <c>_content/</c>, …). A relative path is resolved
    /// against the content root, which is the repository root (the folder containing WorkflowHost.sln).
    /// </summary>
    public string AssetsPath { get; set; } = "src/WorkflowHost/Studio/node_modules/@elsa-workflows/elsa-studio-wasm";
}
