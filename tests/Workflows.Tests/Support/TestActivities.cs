using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Workflows.Tests.Support;

/// <summary>Activities written the way the domain project writes its own (Vietnamese display names, custom bookmarks).</summary>
public static class TestActivities
{
    /// <summary>Waits for a vote decision (custom bookmark keyed by report id) and a deadline timer; outcomes Đồng ý / Trả lại.</summary>
    [Activity("BaoCao", "Báo cáo", "Chờ tập thể biểu quyết.", DisplayName = "Phê duyệt báo cáo")]
    [FlowNode("Đồng ý", "Trả lại")]
    public sealed class ApproveReport : Activity
    {
        [Input(DisplayName = "Mã báo cáo", IsRequired = true)] public Input<string> ReportId { get; } = new();
        [Input(DisplayName = "Số phiếu tối thiểu", DefaultValue = 3)] public Input<int> MinimumVotes { get; } = new();
        [Input(DisplayName = "Hạn", DefaultValue = "7.00:00:00")] public Input<TimeSpan> Deadline { get; } = new();
        [Output(DisplayName = "Số phiếu")] public Output<int> Votes { get; } = new();

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            var reportId = context.Get(ReportId)!;
            context.CreateBookmark("BaoCao.Vote", reportId, new JsonObject { ["reportId"] = reportId, ["minimum"] = context.Get(MinimumVotes) });
            context.CreateTimer("BaoCao.Deadline", context.UtcNow + context.Get(Deadline));
            return ValueTask.CompletedTask;
        }

        public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
        {
            if (resumption.Bookmark.Name == "BaoCao.Deadline")
            {
                context.Complete("Trả lại");
                return ValueTask.CompletedTask;
            }
            var votes = resumption.Input["votes"]!.GetValue<int>();
            context.Set(Votes, votes);
            context.Complete(votes >= context.Get(MinimumVotes) ? "Đồng ý" : "Trả lại");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Ticks once a day <c>Count</c> times: each tick but the last follows "Tick" while it keeps running
    /// (<see cref="ActivityExecutionContext.ScheduleOutcomes"/>); the last completes with "Done".</summary>
    [Activity("BaoCao", "Báo cáo", "Đếm ngày.", DisplayName = "Đếm ngày")]
    [FlowNode("Tick", "Done")]
    public sealed class DailyTicks : Activity
    {
        [Input(DisplayName = "Số lần", DefaultValue = 3)] public Input<int> Count { get; } = new();

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            context.Properties["ticks"] = 0;
            context.CreateTimer("BaoCao.Tick", context.UtcNow.AddDays(1));
            return ValueTask.CompletedTask;
        }

        public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
        {
            var ticks = context.Properties["ticks"]!.GetValue<int>() + 1;
            context.Properties["ticks"] = ticks;
            if (ticks == context.Get(Count))
            {
                context.Complete("Done");
                return ValueTask.CompletedTask;
            }
            context.ScheduleOutcomes("Tick");
            context.CreateTimer("BaoCao.Tick", context.UtcNow.AddDays(1));
            return ValueTask.CompletedTask;
        }
    }

    public sealed record ReminderDue(string WorkflowInstanceId, string ReportId, int Count) : MediatR.INotification;

    /// <summary>Reminds every day (a notification per reminder) until the report is submitted: an activity that re-arms its timer.</summary>
    [Activity("BaoCao", "Báo cáo", "Nhắc nộp báo cáo hằng ngày.", DisplayName = "Nhắc nộp báo cáo")]
    public sealed class RemindUntilSubmitted : Activity
    {
        [Input(DisplayName = "Mã báo cáo", IsRequired = true)] public Input<string> ReportId { get; } = new();

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            context.CreateBookmark("BaoCao.Submitted", context.Get(ReportId)!);
            context.CreateTimer("BaoCao.Remind", context.UtcNow.AddDays(1));
            return ValueTask.CompletedTask;
        }

        public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
        {
            if (resumption.Bookmark.Name == "BaoCao.Submitted")
            {
                context.Complete();
                return ValueTask.CompletedTask;
            }
            var count = (context.Properties["reminders"]?.GetValue<int>() ?? 0) + 1;
            context.Properties["reminders"] = count;
            context.Publish(new ReminderDue(context.WorkflowInstanceId, context.Get(ReportId)!, count));
            context.CreateTimer("BaoCao.Remind", context.UtcNow.AddDays(1));
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Activities that produce many due rows for one instance, as the domain's fan-out/fan-in does.</summary>
public static class FanInActivities
{
    /// <summary>Queues one stimulus per key to one instance (durable, after this burst commits) — e.g. a batch of task completions.</summary>
    [Activity("Test", "Test", "Sends stimuli to an instance.")]
    public sealed class SendStimuli : Activity
    {
        [Input] public Input<string> InstanceId { get; } = new();
        [Input] public Input<string> BookmarkName { get; } = new();
        [Input(Description = "Stimulus keys, comma-separated; one stimulus each, in this order.")] public Input<string> Keys { get; } = new();
        [Input(TypeName = "Object")] public Input<JsonNode> Input { get; } = new();

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            foreach (var key in context.Get(Keys)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                context.SendStimulus(context.Get(BookmarkName)!, key, (JsonObject?)context.Get(Input)?.DeepClone(), instanceId: context.Get(InstanceId));
            context.Complete();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Dispatches <c>Count</c> child instances and completes when every one of them has finished.</summary>
    [Activity("Test", "Test", "Starts children and waits for all of them.")]
    public sealed class AwaitChildren : Activity
    {
        [Input] public Input<string> ChildDefinitionId { get; } = new();
        [Input] public Input<int> Count { get; } = new();

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            var count = context.Get(Count);
            for (var i = 0; i < count; i++)
                context.WaitForChildWorkflow(context.DispatchWorkflow(new StartWorkflowRequest { DefinitionId = context.Get(ChildDefinitionId) }));
            context.Properties["waiting"] = count;
            if (count == 0) context.Complete();
            return ValueTask.CompletedTask;
        }

        public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
        {
            var waiting = context.Properties["waiting"]!.GetValue<int>() - 1;
            context.Properties["waiting"] = waiting;
            if (waiting == 0) context.Complete();
            return ValueTask.CompletedTask;
        }
    }
}
