using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>
/// Elsa.NotFoundActivity: Elsa's placeholder for an activity whose type this host does not have. The designer gets
/// it in place of the unknown activity (<see cref="Serialization.NotFoundActivities"/>), so the definition still
/// loads; the original JSON travels along and is put back when the definition is saved. Running one is an incident.
/// </summary>
[Activity("Elsa", "System", "A placeholder activity that will be used in case a workflow definition references an activity type that cannot be found.",
    IsBrowsable = false)]
public sealed class NotFoundActivity : Activity
{
    public const string TypeName = "Elsa.NotFoundActivity";

    [Input(Description = "The type name of the missing activity type.", IsWrapped = false)]
    public Input<string> MissingTypeName { get; } = new();

    [Input(Description = "The version of the missing activity type.", IsWrapped = false)]
    public Input<int> MissingTypeVersion { get; } = new();

    [Input(Description = "The original activity JSON.", IsWrapped = false)]
    public Input<string> OriginalActivityJson { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new InvalidOperationException(Missing(context.ActivityId, context.Get(MissingTypeName), context.Get(MissingTypeVersion)));

    /// <summary>The one message for an activity of a type this host does not have (validation, incidents).</summary>
    public static string Missing(string activityId, string? typeName, int version) =>
        $"Activity '{activityId}' has the unknown type '{typeName}' (version {version}): no such activity is registered on this host.";
}
