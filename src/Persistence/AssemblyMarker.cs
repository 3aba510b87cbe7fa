namespace WorkflowHost.Persistence;
public sealed class AssemblyMarker;
