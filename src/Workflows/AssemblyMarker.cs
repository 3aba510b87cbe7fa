namespace WorkflowHost.Workflows;
public sealed class AssemblyMarker;
