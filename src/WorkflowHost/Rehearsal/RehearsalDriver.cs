using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// Runs one plan in virtual time: starts the plan's workflow, then repeatedly lets the engine's scheduler run every
/// timer and dispatch due up to the next actor's answer, gives that answer (<c>CompleteTaskAsync</c>, as the inbox
/// does), hands the tasks it opened to the actors, and so on until nothing is left to do or the horizon is reached.
/// Prints a progress line per virtual day on which something happened.
/// </summary>
public sealed class RehearsalDriver(IServiceProvider services, RehearsalObserver observer, RehearsalActors actors, TextWriter progress)
{
    private readonly PriorityQueue<ScheduledAnswer, (DateTimeOffset, long)> _answers = new();
    private long _order;
    private DateOnly? _lastProgressDay;

    public int AnswersGiven { get; private set; }
    public int AnswersNotFound { get; private set; }

    /// <summary>Starts <paramref name="definitionId"/> and drives it until idle or <paramref name="horizon"/>; returns the instance id.</summary>
    public async Task<string> RunAsync(string definitionId, JsonObject input, DateTimeOffset horizon, CancellationToken cancellationToken = default)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var time = services.GetRequiredService<VirtualTimeDriver>();
        var run = await runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, VersionOptions = VersionOptions.Published, Input = input },
            cancellationToken);
        while (true)
        {
            await time.RunUntilIdleAsync(time.Clock.GetUtcNow(), cancellationToken);
            foreach (var task in observer.TakeNewTasks())
            foreach (var answer in actors.Plan(task, time.Clock.GetUtcNow()))
                _answers.Enqueue(answer, (answer.At, _order++));

            var nextTimer = await services.GetRequiredService<TimerScheduler>().GetNextDueAtAsync(cancellationToken);
            var nextAnswer = _answers.TryPeek(out var peeked, out _) ? peeked.At : (DateTimeOffset?)null;
            var next = Min(nextTimer, nextAnswer);
            if (next is null || next > horizon) break;

            if (nextAnswer is not null && nextAnswer <= (nextTimer ?? DateTimeOffset.MaxValue))
            {
                // Timers due before the answer run first, in their own order; then the clock is at the answer's time.
                await time.RunUntilIdleAsync(nextAnswer.Value, cancellationToken);
                var answer = _answers.Dequeue();
                await GiveAsync(runtime, answer, cancellationToken);
            }
            else await time.AdvanceToNextDueAsync(cancellationToken);
            Progress(time.Clock.GetUtcNow());
        }
        return run.InstanceId;
    }

    /// <summary>Answers still scheduled when the run stopped (beyond the horizon).</summary>
    public int AnswersPending => _answers.Count;

    public async Task<WorkflowInstance?> InstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowStateStore>().GetInstanceAsync(instanceId, cancellationToken);
    }

    private async Task GiveAsync(IWorkflowRuntime runtime, ScheduledAnswer answer, CancellationToken cancellationToken)
    {
        var result = await runtime.CompleteTaskAsync(answer.TaskId, answer.Answer.DeepClone(), cancellationToken);
        if (result.Outcome == ResumeOutcome.NotFound)
        {
            AnswersNotFound++; // the task closed meanwhile: a vote after the decision, a choice already accepted, an urging after the report came
            return;
        }
        AnswersGiven++;
        answer.Given?.Invoke();
    }

    private void Progress(DateTimeOffset now)
    {
        var day = VietnamTime.DateOf(now);
        if (_lastProgressDay == day) return;
        _lastProgressDay = day;
        progress.WriteLine($"{day:yyyy-MM-dd}  tasks opened {observer.TasksOpened,5}  answers {AnswersGiven,5}  submitted {observer.Submissions.Count,4}  " +
                           $"received {observer.Receipts.Count,4}  reminders {observer.Reminders.Count,4}  escalations {observer.Escalations.Count,3}");
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
