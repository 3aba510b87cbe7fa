using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Studio;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>
/// Like <see cref="HostFixture"/>, with the checkout's installed Studio package: without it every /studio/ URL,
/// our host pages included, answers 503.
/// </summary>
public sealed class StudioHostFixture : IDisposable
{
    public StudioHostFixture()
    {
        Root = TestRoot.Create();
        var package = Path.Combine(RepositoryRoot.Locate(null), new StudioOptions().AssetsPath);
        Factory = new WorkflowHostFactory(Root, new Dictionary<string, string?> { ["Studio:AssetsPath"] = package });
        _ = Factory.Server;
    }

    public TestRoot Root { get; }
    public WorkflowHostFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Root.Dispose();
    }
}
