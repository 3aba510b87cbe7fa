using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Composition;

/// <summary>
/// Elsa.DispatchWorkflow (§7.6): queues a new instance of the published version of another definition; it starts
/// after this burst commits. Completes at once (Result = {workflowInstanceId}) unless <c>waitForCompletion</c>, in
/// which case it waits on a bookmark keyed by the child instance id.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and dispatch it for execution.")]
public sealed class DispatchWorkflow : Activity
{
    [Input(Description = "The definition ID of the workflow to dispatch.", UIHint = "workflow-definition-picker", IsRequired = true)]
    public Input<string> WorkflowDefinitionId { get; } = new();

    [Input(Description = "The correlation ID to associate the workflow with.")]
    public Input<string> CorrelationId { get; } = new();

    [Input(Description = "The input to send to the workflow.", UIHint = "dictionary", TypeName = "ObjectDictionary")]
    public Input<JsonObject> Input { get; } = new();

    [Input(Description = "Wait for the child workflow to complete before completing this activity.")]
    public Input<bool> WaitForCompletion { get; } = new();

    [Input(Description = "Start a new trace for the child (no effect here; kept for Studio).")]
    public Input<bool> StartNewTrace { get; } = new();

    [Input(Description = "The channel to dispatch the workflow to (one channel here).", UIHint = "dropdown", Options = new[] { "Default" })]
    public Input<string> ChannelName { get; } = new();

    [Output(Description = "The result of the dispatched workflow.", TypeName = "Object")]
    public Output<JsonNode> Result { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var instanceId = context.DispatchWorkflow(new StartWorkflowRequest
        {
            DefinitionId = context.Get(WorkflowDefinitionId),
            VersionOptions = VersionOptions.Published,
            Input = context.Get(Input),
            CorrelationId = context.Get(CorrelationId),
        });
        if (context.Get(WaitForCompletion))
        {
            context.WaitForChildWorkflow(instanceId);
            return ValueTask.CompletedTask;
        }
        context.Set(Result, new JsonObject { ["workflowInstanceId"] = instanceId });
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        context.Set(Result, resumption.Input["output"]?.DeepClone() ?? new JsonObject());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
