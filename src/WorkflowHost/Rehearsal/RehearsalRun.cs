namespace WorkflowHost.Rehearsal;

/// <summary>A finished rehearsal: its summary, and its host and database, open until disposed (tests inspect them).</summary>
public sealed class RehearsalRun(RehearsalHost host, RehearsalActors actors, string topInstanceId, RehearsalSummary summary) : IAsyncDisposable
{
    public RehearsalHost Host { get; } = host;
    public RehearsalActors Actors { get; } = actors;
    public string TopInstanceId { get; } = topInstanceId;
    public RehearsalSummary Summary { get; } = summary;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
