using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary><c>ActivityExecutionContext.ScheduleOutcomes</c>: ports a running activity follows (Occasion, PlanTask's Overdue).</summary>
public class ScheduledOutcomeTests
{
    [Fact]
    public async Task A_running_activity_follows_a_port_on_each_scheduled_outcome_and_its_other_port_only_when_it_completes()
    {
        await using var engine = new TestEngine(e => e.AddActivity<TestActivities.DailyTicks>());
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("ticks", "BaoCao.DailyTicks", ("count", Lit(3))), WriteLine("tick", "tick"), WriteLine("done", "done")],
            ("ticks", "Tick", "tick"), ("ticks", "Done", "done"))));

        await engine.Driver.AdvanceToNextDueAsync();
        Assert.Equal(["tick"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Suspended, (await engine.InstanceAsync(run.InstanceId)).SubStatus);

        await engine.Driver.RunUntilIdleAsync();
        Assert.Equal(["tick", "tick", "done"], await engine.WrittenLinesAsync(run.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(run.InstanceId)).SubStatus);
    }
}
