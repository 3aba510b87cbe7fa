using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities;

/// <summary>
/// Base class of every activity type. One instance per type is created (constructor injection of singleton services
/// is allowed); all per-execution state lives in the <see cref="ActivityExecutionContext"/>, so an activity class
/// holds no mutable fields.
/// <para>
/// An activity either completes inside <see cref="ExecuteAsync"/> (<c>context.Complete("Done")</c>), or creates
/// bookmarks (<c>context.CreateBookmark</c>, <c>context.CreateTimer</c>) and completes later in
/// <see cref="ResumeAsync"/>, or — for containers — schedules children and completes in <see cref="OnChildCompletedAsync"/>.
/// An activity that returns without completing and without a bookmark or child stays running (a container waiting).
/// </para>
/// </summary>
public abstract class Activity
{
    /// <summary>Runs the activity; evaluated inputs are available through <c>context.Get</c>.</summary>
    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Continues after one of this activity's bookmarks was resumed. Default: complete with <c>Done</c>.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>A child scheduled by this (container) activity completed.</summary>
    public virtual ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child) => ValueTask.CompletedTask;
}

/// <summary>
/// Implemented by trigger activities that start new instances on a schedule when
/// <c>customProperties.canStartWorkflow</c> is true on a published definition (Timer, StartAt, Cron).
/// </summary>
/// <summary>
/// A trigger activity that starts a new instance of its published workflow when a stimulus with its bookmark name and
/// key is sent to no particular instance (Elsa.Event: <c>PublishEventAsync</c>, a PublishEvent activity). The new
/// instance starts at this activity, which sees <see cref="Runtime.ActivityExecutionContext.IsTriggerOfWorkflow"/>.
/// </summary>
public interface IStimulusTrigger
{
    string BookmarkName { get; }
    /// <summary>The stimulus key this trigger listens for (evaluated without an instance), or null for none.</summary>
    string? StimulusKey(TriggerContext context);
    /// <summary>The started instance's workflow input, from the stimulus input.</summary>
    JsonObject WorkflowInput(JsonObject stimulusInput);
}

public interface ITimerTrigger
{
    /// <summary>The next start time strictly after <paramref name="after"/>, or null when there is none.</summary>
    DateTimeOffset? NextTriggerTime(TriggerContext context, DateTimeOffset after, bool isFirst);
}
