using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>Elsa.Event with canStartWorkflow on a published version: an event published to no instance starts one.</summary>
public class EventTriggerTests
{
    private static JsonObject Triggered(string eventName, bool canStart = true)
    {
        var ev = Activity("ev", "Elsa.Event", ("eventName", Lit(eventName)));
        return Definition(Flowchart([canStart ? ev.CanStart() : ev, Activity("w", "Elsa.WriteLine", ("text", Js("'started with ' + JSON.stringify(getLastResult())")))],
            ("ev", "Done", "w")));
    }

    private static async Task<IReadOnlyList<WorkflowInstanceSummary>> InstancesOf(TestEngine engine, string definitionId) =>
        (await engine.Store.QueryInstancesAsync(new WorkflowInstanceQuery { DefinitionIds = [definitionId] })).Items;

    [Fact]
    public async Task Publishing_the_event_starts_a_new_instance_at_the_trigger_with_the_payload_and_correlation_id()
    {
        await using var engine = new TestEngine();
        var trigger = await engine.PublishAsync(Triggered("BaoCaoDaNop"));
        var notTrigger = await engine.PublishAsync(Triggered("BaoCaoDaNop", canStart: false));
        var otherEvent = await engine.PublishAsync(Triggered("KhacSuKien"));

        var results = await engine.Runtime.PublishEventAsync("BaoCaoDaNop", "plan-7", new JsonObject { ["unit"] = "HU-SAPA" });

        var started = Assert.Single(results);
        Assert.Equal(ResumeOutcome.Started, started.Outcome);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (started.Run!.Status, started.Run.SubStatus));
        var instance = await engine.InstanceAsync(started.Run.InstanceId);
        Assert.Equal((trigger.Id, "plan-7"), (instance.DefinitionVersionId, instance.CorrelationId));
        Assert.Equal(["started with {\"unit\":\"HU-SAPA\"}"], await engine.WrittenLinesAsync(instance.Id));
        Assert.Empty(await InstancesOf(engine, notTrigger.DefinitionId));
        Assert.Empty(await InstancesOf(engine, otherEvent.DefinitionId));
    }

    [Fact]
    public async Task A_retracted_version_no_longer_triggers_and_waiting_instances_are_resumed_not_restarted()
    {
        await using var engine = new TestEngine();
        var trigger = await engine.PublishAsync(Triggered("Ky"));
        // An instance started without the event (e.g. by the API) waits at the Event like any other.
        var waiting = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = trigger.DefinitionId });
        Assert.Equal(WorkflowSubStatus.Suspended, waiting.SubStatus);

        var results = await engine.Runtime.PublishEventAsync("Ky");

        Assert.Equal([ResumeOutcome.Resumed, ResumeOutcome.Started], results.Select(r => r.Outcome));
        Assert.Equal(waiting.InstanceId, results[0].Run!.InstanceId);
        Assert.Equal(2, (await InstancesOf(engine, trigger.DefinitionId)).Count);

        await engine.Definitions.RetractAsync(trigger.DefinitionId);
        Assert.Empty(await engine.Runtime.PublishEventAsync("Ky"));
        Assert.Equal(2, (await InstancesOf(engine, trigger.DefinitionId)).Count);
    }

    [Fact]
    public async Task A_PublishEvent_activity_starts_the_triggered_workflow_once_even_when_its_delivery_is_run_again()
    {
        await using var engine = new TestEngine();
        var trigger = await engine.PublishAsync(Triggered("DuyetXong"));
        await engine.RunAsync(Definition(Flowchart([Activity("pub", "Elsa.PublishEvent", ("eventName", Lit("DuyetXong")), ("payload", Obj("{\"so\":3}")))])));
        var delivery = Assert.Single(await engine.Store.ListAsync(), t => t.Kind == ScheduledWorkKind.Stimulus);
        var executor = engine.Services.GetRequiredService<DueWorkExecutor>();

        await executor.ExecuteAsync([delivery], CancellationToken.None);
        // A crash after the start committed but before the row was deleted: the same row is delivered again.
        await executor.ExecuteAsync([delivery], CancellationToken.None);

        var instance = Assert.Single(await InstancesOf(engine, trigger.DefinitionId));
        Assert.Equal(["started with {\"so\":3}"], await engine.WrittenLinesAsync(instance.Id));
        Assert.Empty(await engine.Store.ListAsync());
    }
}
