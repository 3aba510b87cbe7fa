namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>
/// Every test class of this project: they share one Chromium and run one after another (the host and the browser
/// are heavy for a 2-core CI box). Each class brings its own <see cref="WorkflowHostServer"/> as a class fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "WorkflowHost in a browser";
}
