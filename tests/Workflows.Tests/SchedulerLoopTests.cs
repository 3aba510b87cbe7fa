using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>The hosted scheduler loop itself (sleep until due or signalled) on a virtual clock.</summary>
public class SchedulerLoopTests
{
    [Fact]
    public async Task The_background_scheduler_fires_a_timer_when_the_clock_reaches_it()
    {
        await using var engine = new TestEngine();
        var scheduler = engine.Services.GetRequiredService<TimerScheduler>();
        using var stop = new CancellationTokenSource();
        await scheduler.StartAsync(stop.Token);
        try
        {
            var run = await engine.RunAsync(Definition(Flowchart([Activity("d", "Elsa.Delay", ("timeSpan", Lit("01:00:00"))), WriteLine("w", "woke")], ("d", "Done", "w"))));
            Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

            engine.Clock.Advance(TimeSpan.FromHours(1));

            // The loop may compute its sleep just before the jump and start sleeping on the virtual clock just after
            // it; as on a real clock, time goes on (a tick of the loop's longest sleep per poll) and wakes it.
            var maxSleep = engine.Services.GetRequiredService<TimerSchedulerOptions>().MaxSleep;
            await WaitForAsync(async () =>
            {
                if ((await engine.InstanceAsync(run.InstanceId)).SubStatus == WorkflowSubStatus.Finished) return true;
                engine.Clock.Advance(maxSleep);
                return false;
            });
            Assert.Equal(["woke"], await engine.WrittenLinesAsync(run.InstanceId));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_due_now_row_wakes_the_sleeping_scheduler_through_the_signal()
    {
        await using var engine = new TestEngine();
        await engine.PublishAsync(new System.Text.Json.Nodes.JsonObject { ["definitionId"] = "child", ["root"] = Flowchart([WriteLine("w", "child ran")]) });
        var scheduler = engine.Services.GetRequiredService<TimerScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var run = await engine.RunAsync(Definition(Flowchart([Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Lit("child")))])));

            await WaitForAsync(() => Task.FromResult(engine.Notifications.Of<WorkflowFinished>().Any(f => f.ParentWorkflowInstanceId == run.InstanceId)));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Polls a condition; the generous limit only guards against a hang, it is not a timing assertion.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 3000; i++)
        {
            if (await condition()) return;
            await Task.Delay(20);
        }
        Assert.Fail("The background scheduler did not process the due item.");
    }
}
