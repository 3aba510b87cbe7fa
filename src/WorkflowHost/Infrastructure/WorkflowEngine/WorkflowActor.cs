namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>
/// Who caused an engine decision, for its audit record. The runtime commits in its own DI scope (and the scheduler
/// has no request at all), so the actor travels with the async flow: the API layer wraps its runtime call in
/// <c>using (WorkflowActor.Use(userName)) { … }</c>. Without it the signed-in user of the request is used, else "system".
/// </summary>
public static class WorkflowActor
{
    private static readonly AsyncLocal<string?> Ambient = new();

    public static string? Current => Ambient.Value;

    public static IDisposable Use(string actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
