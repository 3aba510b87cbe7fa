namespace WorkflowHost.BrowserTests.Infrastructure;

/// <summary>
/// A test that drives Chromium. Skipped only when WORKFLOWHOST_SKIP_BROWSER=1; a missing browser otherwise fails the
/// test with a clear message (see <see cref="BrowserFixture"/>), so CI cannot silently pass without it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.IsSkipped)
            Skip = "WORKFLOWHOST_SKIP_BROWSER=1";
    }
}
