namespace WorkflowHost.ReportingChains;
public sealed class AssemblyMarker;
