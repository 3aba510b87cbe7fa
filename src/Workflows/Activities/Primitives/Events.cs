using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Primitives;

/// <summary>
/// Elsa.Event: waits until an event with this name is published (to this instance's correlation id, if the publisher
/// gives one). As a trigger (canStartWorkflow on a published version) an event published to no instance starts a new
/// instance here, which completes at once with the payload as its result (Elsa passes it in the workflow input).
/// </summary>
[Activity("Elsa", "Primitives", "Wait for an event to be published.", Kind = ActivityKind.Trigger)]
public sealed class Event : Activity, IStimulusTrigger
{
    /// <summary>Elsa's workflow input key for the payload of the event that started the instance.</summary>
    public const string PayloadWorkflowInputKey = "__EventPayloadWorkflowInput";

    [Input(Description = "The name of the event to listen for.", IsRequired = true)]
    public Input<string> EventName { get; } = new();

    [Output(Description = "The payload the event was published with.", TypeName = "Object")]
    public Output<JsonNode> Result { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            context.Set(Result, context.WorkflowInput[PayloadWorkflowInputKey]);
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var name = context.Get(EventName) ?? "";
        context.CreateBookmark(BookmarkNames.Event, name, new JsonObject { ["eventName"] = name });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.Set(Result, resumption.Input["EventPayload"]);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    string IStimulusTrigger.BookmarkName => BookmarkNames.Event;

    string? IStimulusTrigger.StimulusKey(TriggerContext context) => context.Get(EventName);

    JsonObject IStimulusTrigger.WorkflowInput(JsonObject stimulusInput) =>
        new() { [PayloadWorkflowInputKey] = stimulusInput["EventPayload"]?.DeepClone() };
}

/// <summary>
/// Elsa.PublishEvent: resumes the Elsa.Event activities waiting for this name — in instances with the given
/// correlation id, or only this instance when local — durably, after this burst commits.
/// </summary>
[Activity("Elsa", "Primitives", "Publishes an event.")]
public sealed class PublishEvent : Activity
{
    [Input(Description = "The name of the event to publish.", IsRequired = true)]
    public Input<string> EventName { get; } = new();

    [Input(Description = "Only instances with this correlation id receive the event (empty: all).")]
    public Input<string> CorrelationId { get; } = new();

    [Input(Description = "Deliver the event to this workflow instance only.")]
    public Input<bool> IsLocalEvent { get; } = new();

    [Input(Description = "The payload to send.", TypeName = "Object")]
    public Input<JsonNode> Payload { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var correlationId = context.Get(CorrelationId);
        context.SendStimulus(BookmarkNames.Event, context.Get(EventName) ?? "", new JsonObject { ["EventPayload"] = context.Get(Payload) },
            string.IsNullOrEmpty(correlationId) ? null : correlationId, context.Get(IsLocalEvent) ? context.WorkflowInstanceId : null);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
