using System.Diagnostics;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Bench;

public sealed record EngineRates(Measurement Starts, Measurement Completions, Measurement TimerFires);

/// <summary>
/// The three engine measurements: instance starts (a workflow that suspends on a RunTask) and RunTask completions (each
/// resumes and finishes an instance), both by concurrent callers — their commits are grouped — and timer fires
/// (instances waiting on a due Delay, processed by the scheduler's ProcessDue path: claim, resume, commit). Completions
/// are measured once more with one caller, where every commit is a group of one.
/// </summary>
public sealed class EnginePhases(IServiceProvider provider, VirtualTimeProvider clock, TaskIds tasks)
{
    private readonly IWorkflowRuntime _runtime = provider.GetRequiredService<IWorkflowRuntime>();

    public async Task<EngineRates> RunAsync(int count, TimeSpan limit, int clients, bool print = true)
    {
        var taskFlow = await PublishAsync(Workflow("Elsa.RunTask", "taskName", "Duyệt báo cáo"));
        var delayFlow = await PublishAsync(Workflow("Elsa.Delay", "timeSpan", "01:00:00"));

        tasks.Clear();
        var starts = await Measurement.RunAsync($"instance starts (RunTask), {clients} callers", count, limit, _ =>
            _runtime.StartAsync(new StartWorkflowRequest { DefinitionId = taskFlow.DefinitionId }), print, clients);
        var completions = await CompleteAsync($"RunTask completions, {clients} callers", tasks.Snapshot(), limit, clients, print);

        // The same work one caller at a time: every commit is a group of one (printed, not in the summary line).
        tasks.Clear();
        for (var i = 0; i < Math.Max(count / 4, 1); i++) await _runtime.StartAsync(new StartWorkflowRequest { DefinitionId = taskFlow.DefinitionId });
        await CompleteAsync("RunTask completions, 1 caller", tasks.Snapshot(), limit, 1, print);

        // Set-up, not measured: instances waiting on a Delay.
        var waiting = Stopwatch.StartNew();
        var timers = 0;
        for (; timers < count && waiting.Elapsed < limit; timers++)
            await _runtime.StartAsync(new StartWorkflowRequest { DefinitionId = delayFlow.DefinitionId });
        clock.Advance(TimeSpan.FromHours(2));
        var scheduler = provider.GetRequiredService<TimerScheduler>();
        var fired = 0;
        var fires = await Measurement.RunAsync("timer fires (scheduler)", 1, limit, async _ => fired = await scheduler.ProcessDueAsync(), print: false);
        fires = fires with { Name = "timer fires (scheduler)", Count = fired };
        if (print) Console.WriteLine($"{fires.Name,-40} {fires.Count,7} in {fires.Elapsed.TotalSeconds,8:F2} s = {fires.PerSecond,10:F0}/s");
        if (fired != timers) throw new InvalidOperationException($"{timers} timers were due but {fired} fired.");
        return new EngineRates(starts, completions, fires);
    }

    private Task<Measurement> CompleteAsync(string name, IReadOnlyList<string> taskIds, TimeSpan limit, int clients, bool print) =>
        Measurement.RunAsync(name, taskIds.Count, limit, async i =>
        {
            var result = await _runtime.CompleteTaskAsync(taskIds[i], "đồng ý");
            if (result.Outcome != ResumeOutcome.Resumed) throw new InvalidOperationException($"task {taskIds[i]}: {result.Message}");
        }, print, clients);

    private async Task<WorkflowDefinitionVersion> PublishAsync(JsonObject model)
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(model, publish: true);
        return result.Succeeded ? result.Definition! : throw new InvalidOperationException(string.Join("; ", result.ValidationErrors));
    }

    /// <summary>One waiting activity, then a WriteLine: each burst writes the instance, its bookmark/timer, records and journal.</summary>
    private static JsonObject Workflow(string waitingType, string input, string value) => new()
    {
        ["definitionId"] = Guid.NewGuid().ToString("N")[..16],
        ["name"] = "Bench " + waitingType + " " + Guid.NewGuid().ToString("N")[..6],
        ["root"] = new JsonObject
        {
            ["id"] = "flow1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "wait", ["type"] = waitingType, ["version"] = 1, [input] = Literal(value) },
                new JsonObject { ["id"] = "done", ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Literal("xong") }),
            ["connections"] = new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "done", ["port"] = "In" },
            }),
        },
    };

    private static JsonObject Literal(string value) => new()
    {
        ["typeName"] = "String",
        ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };
}

/// <summary>Task ids of RunTaskRequested notifications, in order (what the domain's inbox would receive).</summary>
public sealed class TaskIds
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Snapshot() { lock (_ids) return _ids.ToList(); }
    public void Clear() { lock (_ids) _ids.Clear(); }

    public sealed class Handler(TaskIds ids) : INotificationHandler<RunTaskRequested>
    {
        public Task Handle(RunTaskRequested notification, CancellationToken cancellationToken)
        {
            lock (ids._ids) ids._ids.Add(notification.TaskId);
            return Task.CompletedTask;
        }
    }
}
