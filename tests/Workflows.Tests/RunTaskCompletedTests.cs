using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

/// <summary>The domain's inbox closes its item on <see cref="RunTaskCompleted"/>; it must carry the task and result.</summary>
public class RunTaskCompletedTests
{
    private static JsonObject TaskFlow() => Definition(Flowchart(
        [Activity("task", "Elsa.RunTask", ("taskName", Lit("Approve")))]));

    [Fact]
    public async Task Completing_a_task_publishes_RunTaskCompleted_with_the_task_id_instance_and_result()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(TaskFlow());
        var request = Assert.Single(engine.Notifications.Of<RunTaskRequested>());
        Assert.Empty(engine.Notifications.Of<RunTaskCompleted>());

        engine.Clock.Advance(TimeSpan.FromHours(2));
        await engine.Runtime.CompleteTaskAsync(request.TaskId, new JsonObject { ["approved"] = true });

        var completed = Assert.Single(engine.Notifications.Of<RunTaskCompleted>());
        Assert.Equal((request.TaskId, run.InstanceId, "task"), (completed.TaskId, completed.WorkflowInstanceId, completed.ActivityId));
        Assert.True(completed.Result!["approved"]!.GetValue<bool>());
        Assert.Equal(engine.Clock.GetUtcNow(), completed.CompletedAt);
    }

    [Fact]
    public async Task A_second_completion_publishes_nothing()
    {
        await using var engine = new TestEngine();
        await engine.RunAsync(TaskFlow());
        var taskId = engine.Notifications.Of<RunTaskRequested>().Single().TaskId;

        await engine.Runtime.CompleteTaskAsync(taskId, null);
        var second = await engine.Runtime.CompleteTaskAsync(taskId, null);

        Assert.Equal(ResumeOutcome.NotFound, second.Outcome);
        Assert.Single(engine.Notifications.Of<RunTaskCompleted>());
    }
}
