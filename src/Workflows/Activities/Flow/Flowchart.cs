using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities.Branching;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Activities.Flow;

/// <summary>
/// Elsa.Flowchart: runs its activities along connections with Elsa 3.8's counter-based rules (§7.3). Each outbound
/// connection of a completed child is marked followed (its port is among the outcomes) or not followed; a target
/// decides once all its inbound connections are marked: implicit joins and WaitAllActive run when at least one was
/// followed, WaitAll when all were, WaitAny on the first followed one (cancelling the other running inbound
/// branches). A target that will not run passes "not followed" on (dead-path elimination), so joins never wait on
/// untaken branches. Loop connections (<see cref="FlowchartGraph.IsBackward"/>) are outside this counting: following
/// one runs its target again. Marks of a target are cleared when it is decided. The flowchart completes when none of
/// its children is running.
/// </summary>
[Activity("Elsa", "Flow", "A flowchart is a collection of activities and connections between them.", IsBrowsable = false)]
public sealed class Flowchart : Activity
{
    private const string Followed = "F";
    private const string NotFollowed = "N";

    [Port(IsBrowsable = false)] public EmbeddedPort Start { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var start = context.Node.Flowchart?.FindStart(context.TriggerActivityId);
        if (start is null) context.Complete();
        else context.ScheduleStart(start);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        if (context.Properties["completeRequested"] is not null)
        {
            context.Properties.Remove("completeRequested");
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var graph = context.Node.Flowchart!;
        var marks = State(context, "marks");
        var pending = new Queue<string>();
        // A child that is still running scheduled some of its outcomes (ScheduleOutcomes): only those ports are
        // followed now; its other ports are decided when it completes.
        var stillRunning = child.State.Status == ActivityStatus.Running;
        foreach (var connection in graph.Outbound[child.Node.Id])
        {
            var followed = child.Outcomes.Contains(connection.SourcePort);
            if (!followed && stillRunning) continue;
            if (graph.IsBackward(connection))
            {
                // A loop connection: followed, it runs its target again at once; not followed, nothing waits on it.
                if (followed && graph.FindActivity(connection.TargetId) is { } loopTarget) context.ScheduleChild(loopTarget);
                continue;
            }
            marks[connection.Index.ToString()] = followed ? Followed : NotFollowed;
            pending.Enqueue(connection.TargetId);
        }
        var skipped = new HashSet<string>();
        while (pending.TryDequeue(out var targetId))
        {
            var target = graph.FindActivity(targetId);
            if (target is null) continue;
            switch (Decide(context, graph, target, marks))
            {
                case Decision.Run:
                    context.ScheduleChild(target);
                    break;
                case Decision.Skip when skipped.Add(targetId):
                    foreach (var connection in graph.Outbound[targetId].Where(c => !graph.IsBackward(c)))
                    {
                        marks[connection.Index.ToString()] = NotFollowed;
                        pending.Enqueue(connection.TargetId);
                    }
                    break;
            }
        }
        if (context.ActiveChildren.Count == 0) context.Complete();
        return ValueTask.CompletedTask;
    }

    private enum Decision { Wait, Run, Skip }

    private static Decision Decide(ActivityExecutionContext context, FlowchartGraph graph, ActivityNode target, JsonObject marks)
    {
        var inbound = graph.ForwardInbound(target.Id).ToList();
        var visited = inbound.Count(c => marks.ContainsKey(c.Index.ToString()));
        var followed = inbound.Count(c => marks[c.Index.ToString()]?.GetValue<string>() == Followed);
        var allVisited = visited == inbound.Count;
        var mode = target.Type == "Elsa.FlowJoin" ? context.EvaluateInputOf<FlowJoinMode>(target, nameof(FlowJoin.Mode)) : FlowJoinMode.WaitAllActive;

        if (mode == FlowJoinMode.WaitAny)
        {
            var fired = State(context, "firedJoins");
            var alreadyFired = fired.ContainsKey(target.Id);
            if (allVisited) { Reset(inbound, marks); fired.Remove(target.Id); }
            if (alreadyFired) return Decision.Wait;
            if (followed > 0)
            {
                if (!allVisited) fired[target.Id] = true;
                CancelInboundBranches(context, graph, target);
                return Decision.Run;
            }
            return allVisited ? Decision.Skip : Decision.Wait;
        }
        if (!allVisited) return Decision.Wait;
        Reset(inbound, marks);
        var run = mode == FlowJoinMode.WaitAll ? followed == inbound.Count : followed > 0;
        return run ? Decision.Run : Decision.Skip;
    }

    /// <summary>WaitAny: the branches still running towards the join lose (their bookmarks and timers are removed).</summary>
    private static void CancelInboundBranches(ActivityExecutionContext context, FlowchartGraph graph, ActivityNode join)
    {
        var upstream = new HashSet<string>();
        var stack = new Stack<string>([join.Id]);
        while (stack.TryPop(out var id))
            foreach (var connection in graph.ForwardInbound(id))
                if (connection.SourceId != join.Id && upstream.Add(connection.SourceId)) stack.Push(connection.SourceId);
        foreach (var running in context.ActiveChildren.Where(c => upstream.Contains(c.ActivityId)))
            context.CancelChild(running.Id);
    }

    private static void Reset(IEnumerable<FlowConnection> inbound, JsonObject marks)
    {
        foreach (var connection in inbound) marks.Remove(connection.Index.ToString());
    }

    private static JsonObject State(ActivityExecutionContext context, string name) =>
        context.Properties[name] as JsonObject ?? (JsonObject)(context.Properties[name] = new JsonObject());
}
