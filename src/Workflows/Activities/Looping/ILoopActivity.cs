namespace WorkflowHost.Workflows.Activities.Looping;

/// <summary>
/// A loop an Elsa.Break inside its body ends: the body (with whatever still runs or waits in it) is cancelled and the
/// loop completes as if it had run out of iterations.
/// </summary>
public interface ILoopActivity;
