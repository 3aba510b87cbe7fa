using WorkflowHost.Studio;

namespace WorkflowHost.BrowserTests.Studio;

public sealed class StudioAssetRulesTests
{
    [Theory]
    [InlineData("_framework/dotnet.js", true)]
    [InlineData("_content/MudBlazor/MudBlazor.min.css", true)]
    [InlineData("appsettings.json", true)]
    [InlineData("Elsa.Studio.Host.CustomElements.styles.css", true)]
    [InlineData("index.html", false)]
    [InlineData("package.json", false)]
    [InlineData("_frameworkx/dotnet.js", false)]
    [InlineData("quy-trinh", false)]
    public void Only_the_public_part_of_the_package_belongs_to_it(string path, bool isPackagePath)
        => Assert.Equal(isPackagePath, StudioAssetRules.IsPackagePath(path));

    [Theory]
    [InlineData("_content/../package.json")]
    [InlineData("_content/./MudBlazor/MudBlazor.min.css")]
    [InlineData("_content//MudBlazor.min.css")]
    [InlineData("_content/..\\package.json")]
    [InlineData("_framework/dotnet.js.br")]
    [InlineData("_framework/dotnet.js.gz")]
    [InlineData("_framework/")]
    public void Dot_segments_backslashes_and_precompressed_names_are_never_read(string path)
        => Assert.False(StudioAssetRules.IsServable(path));

    [Theory]
    [InlineData("_framework/Elsa.Api.Client.mbze71icf3.wasm", true)]
    [InlineData("_framework/dotnet.native.b6l13xorvf.js", true)]
    [InlineData("_framework/icudt.oh1zvcfom8.dat", true)]
    [InlineData("_framework/vi/MudBlazor.Translations.resources.lgm6rsu0kf.wasm", true)]
    [InlineData("_framework/dotnet.js", false)]
    [InlineData("_framework/blazor.webassembly.js", false)]
    [InlineData("_content/Elsa.Studio.Workflows/Elsa.Studio.Workflows.3ifuhex2gd.bundle.scp.css", false)]
    [InlineData("_content/BlazorMonaco/lib/monaco-editor/min/vs/wgsl-BhLXMOR0.js", false)]
    public void Only_hash_named_framework_files_count_as_fingerprinted(string path, bool fingerprinted)
        => Assert.Equal(fingerprinted, StudioAssetRules.IsFingerprinted(path));

    [Theory]
    [InlineData("_framework/icudt.oh1zvcfom8.dat", "application/octet-stream")]
    [InlineData("_framework/x.wasm", "application/wasm")]
    [InlineData("_framework/x.js", "text/javascript")]
    [InlineData("_content/x/y.mjs", "text/javascript")]
    public void Content_types_the_wasm_boot_needs(string path, string contentType)
    {
        Assert.True(StudioAssetRules.TryGetContentType(path, out var actual));
        Assert.Equal(contentType, actual);
    }
}
