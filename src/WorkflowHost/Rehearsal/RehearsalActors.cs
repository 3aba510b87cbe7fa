using System.Globalization;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.Workflows.Notifications;

namespace WorkflowHost.Rehearsal;

/// <summary>An answer an actor will give to a task at a virtual time; <see cref="Given"/> runs when the engine accepted the resume.</summary>
public sealed record ScheduledAnswer(DateTimeOffset At, string TaskId, string TaskName, string UnitCode, JsonNode Answer, Action? Given = null);

/// <summary>
/// The scripted people of a rehearsal, one rule per task name: drafters save then submit (random indicator values at
/// the units without children — remembered — and the pre-filled sums above them), collective members vote, via bodies
/// acknowledge or return, levels choose their children's deadline, urging bodies urge, executing bodies report task
/// progress, and any other task is marked done a few days later. Whether a unit is late, its collective rejects its first draft or its via body returns its first
/// submission is drawn once per unit from the seed (or pinned by the options).
/// </summary>
public sealed class RehearsalActors(RehearsalOptions options, DateTimeOffset planDeadlineUtc)
{
    public const string ChooseDeadline = "WorkflowHost.ChooseDeadline";
    public const string DraftReport = "WorkflowHost.DraftReport";
    public const string CastVote = "WorkflowHost.CastVote";
    public const string ReceiveReport = "WorkflowHost.ReceiveReport";
    public const string UrgeUnit = "WorkflowHost.UrgeUnit";
    public const string ReportTaskProgress = "WorkflowHost.ReportTaskProgress";

    private readonly SeededDraw _draw = new(options.Seed);
    private readonly Dictionary<string, string> _firstVoteSession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _drafts = new(StringComparer.Ordinal);

    /// <summary>What each unit without children entered in its last submitted report (code → value).</summary>
    public Dictionary<string, IReadOnlyDictionary<string, decimal>> Entered { get; } = new(StringComparer.Ordinal);

    /// <summary>For each unit with children: the children its last submitted report summed (as its draft form listed them).</summary>
    public Dictionary<string, IReadOnlyList<string>> Included { get; } = new(StringComparer.Ordinal);

    /// <summary>Plan-task target values the actors reported on completing a task: "taskId|code" → value.</summary>
    public Dictionary<string, decimal> TargetsEntered { get; } = new(StringComparer.Ordinal);

    /// <summary>Tasks without a rule of their own (plain Elsa.RunTask tasks of a workflow): answered "done" a few days later.</summary>
    public List<RunTaskRequested> AnsweredGenerically { get; } = [];

    public bool IsLate(string unitCode) => options.LateUnits.Contains(unitCode) || _draw.Share("late", unitCode) < options.Late;
    public bool Rejects(string unitCode) => options.RejectingUnits.Contains(unitCode) || _draw.Share("reject", unitCode) < options.Reject;
    public bool Returns(string unitCode) => options.ReturnedUnits.Contains(unitCode) || _draw.Share("return", unitCode) < options.Reject;

    public IReadOnlyList<ScheduledAnswer> Plan(RunTaskRequested task, DateTimeOffset now)
    {
        var payload = task.Payload ?? new JsonObject();
        switch (task.TaskName)
        {
            case ChooseDeadline: return ChooseChildrenDeadline(task, payload, now);
            case DraftReport: return Draft(task, payload, now);
            case CastVote: return [Vote(task, payload, now)];
            case ReceiveReport: return [Receive(task, payload, now)];
            case UrgeUnit:
                return [new ScheduledAnswer(now.AddHours(_draw.Between(1, 8, task.TaskId)), task.TaskId, task.TaskName, Text(payload, "unitCode"),
                    new JsonObject { ["comment"] = $"Đã đôn đốc {Text(payload, "laggardUnitCode")}." })];
            case ReportTaskProgress: return Progress(task, payload, now);
            default:
                AnsweredGenerically.Add(task);
                return [new ScheduledAnswer(now.AddDays(_draw.Between(1, 5, "generic", task.TaskId)), task.TaskId, task.TaskName, Text(payload, "unitCode"),
                    new JsonObject { ["action"] = "complete", ["comment"] = "Đã thực hiện." })];
        }
    }

    private IReadOnlyList<ScheduledAnswer> ChooseChildrenDeadline(RunTaskRequested task, JsonObject payload, DateTimeOffset now)
    {
        var chooser = Text(payload, "unitCode");
        var earliest = Day(payload, "earliestLastDay");
        var latest = Day(payload, "latestLastDay");
        var lastDay = latest.AddDays(-_draw.Between(3, 7, "choose", chooser));
        if (lastDay < earliest.AddDays(2)) lastDay = latest;
        var at = now.AddHours(_draw.Between(2, 20, "choose-at", chooser));
        // A day that the calendar rolls past the chooser's own deadline is refused and the task stays open: the
        // chooser then settles for its own last day (an answer to a task already done is simply not found).
        return
        [
            new ScheduledAnswer(at, task.TaskId, task.TaskName, chooser, Before(lastDay)),
            new ScheduledAnswer(at.AddHours(1), task.TaskId, task.TaskName, chooser, Before(latest)),
        ];
    }

    private IReadOnlyList<ScheduledAnswer> Draft(RunTaskRequested task, JsonObject payload, DateTimeOffset now)
    {
        var unit = Text(payload, "reportUnitCode");
        var draftNumber = _drafts[unit] = _drafts.GetValueOrDefault(unit) + 1;
        var due = payload["dueAt"] is JsonValue dueAt ? VietnamTime.EndOfDay(DateOnly.ParseExact(dueAt.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)) : planDeadlineUtc;
        DateTimeOffset submitAt;
        if (draftNumber == 1 && IsLate(unit))
            submitAt = due.AddDays(_draw.Between(3, 6, "late-days", unit)).AddHours(_draw.Between(1, 8, "late-hours", unit));
        else if (due - now > TimeSpan.FromDays(2))
            submitAt = now + (due - now) * (0.15 + 0.35 * _draw.Share("draft-share", unit, draftNumber.ToString(CultureInfo.InvariantCulture)));
        else
            submitAt = now.AddHours(_draw.Between(4, 30, "redraft", unit, draftNumber.ToString(CultureInfo.InvariantCulture)));

        var children = payload["children"] as JsonObject;
        var values = new JsonObject();
        var entered = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var indicator in (payload["indicators"] as JsonArray ?? []).OfType<JsonObject>().Where(i => i["local"]?.GetValue<bool>() != true))
        {
            var code = Text(indicator, "code");
            var value = children is null
                ? (decimal)(Text(indicator, "kind") == "Amount" ? _draw.Between(0, 400, "value", unit, code) * 100_000 : _draw.Between(0, 60, "value", unit, code))
                : indicator["childrenSum"] is JsonValue sum ? sum.GetValue<decimal>() : 0m;
            values[code] = value;
            entered[code] = value;
        }
        var sections = new JsonObject();
        foreach (var section in (payload["outline"] as JsonArray ?? []).OfType<JsonObject>())
            sections[Text(section, "number")] = $"{Text(payload, "reportUnitName")}: {Text(section, "title")} (bản {draftNumber}).";
        var included = children?["reported"] is JsonArray reported ? reported.Select(r => r!.GetValue<string>()).ToList() : null;

        var drafter = Text(payload, "unitCode");
        var saveAt = now + (submitAt - now) / 2;
        return
        [
            new ScheduledAnswer(saveAt, task.TaskId, task.TaskName, drafter,
                new JsonObject { ["action"] = "save", ["sections"] = new JsonObject { [sections.First().Key] = "Bản nháp." } }),
            new ScheduledAnswer(submitAt, task.TaskId, task.TaskName, drafter,
                new JsonObject { ["action"] = "submit", ["sections"] = sections, ["indicators"] = values },
                () =>
                {
                    if (included is null) Entered[unit] = entered;
                    else Included[unit] = included;
                }),
        ];
    }

    private ScheduledAnswer Vote(RunTaskRequested task, JsonObject payload, DateTimeOffset now)
    {
        var unit = Text(payload, "reportUnitCode");
        var session = Text(payload, "sessionId");
        var first = _firstVoteSession.TryAdd(unit, session) || _firstVoteSession[unit] == session;
        var disagree = first && Rejects(unit);
        var voter = (payload["assignees"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
        var choice = new JsonObject { ["choice"] = disagree ? "disagree" : "agree" };
        var comment = disagree ? "Đề nghị bổ sung đánh giá hạn chế, nguyên nhân và số liệu." : null;
        JsonNode answer = voter is null ? new JsonObject { ["choice"] = choice["choice"]!.DeepClone(), ["comment"] = comment } : InboxCompletion.Result(voter, comment, choice);
        return new ScheduledAnswer(now.AddHours(_draw.Between(1, 30, "vote", task.TaskId)), task.TaskId, task.TaskName, Text(payload, "unitCode"), answer);
    }

    private ScheduledAnswer Receive(RunTaskRequested task, JsonObject payload, DateTimeOffset now)
    {
        var from = Text(payload, "fromUnitCode");
        var attempt = payload["attempt"]?.GetValue<int>() ?? 1;
        JsonNode answer = attempt == 1 && Returns(from)
            ? new JsonObject { ["action"] = "return", ["reasons"] = new JsonArray("Báo cáo chưa đúng đề cương: thiếu phần đánh giá kết quả.") }
            : new JsonObject { ["action"] = "acknowledge" };
        return new ScheduledAnswer(now.AddHours(_draw.Between(2, 30, "receive", task.TaskId)), task.TaskId, task.TaskName, Text(payload, "unitCode"), answer);
    }

    private IReadOnlyList<ScheduledAnswer> Progress(RunTaskRequested task, JsonObject payload, DateTimeOffset now)
    {
        var unit = Text(payload, "unitCode");
        var due = payload["dueAt"] is JsonValue dueAt ? VietnamTime.EndOfDay(DateOnly.ParseExact(dueAt.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)) : now.AddDays(60);
        var completeAt = IsLate(unit) ? due.AddDays(_draw.Between(3, 20, "task-late", task.TaskId)) : now + (due - now) * (0.3 + 0.6 * _draw.Share("task", task.TaskId));
        if (completeAt <= now) completeAt = now.AddDays(1);
        return
        [
            new ScheduledAnswer(now + (completeAt - now) / 2, task.TaskId, task.TaskName, unit,
                new JsonObject { ["action"] = "progress", ["text"] = "Đang triển khai." }),
            new ScheduledAnswer(completeAt, task.TaskId, task.TaskName, unit,
                new JsonObject { ["action"] = "complete", ["text"] = "Đã hoàn thành.", ["targets"] = Targets(task, payload) }),
        ];
    }

    /// <summary>A value for every target the task lists (percentages stay within 100), remembered to check what is stored.</summary>
    private JsonObject Targets(RunTaskRequested task, JsonObject payload)
    {
        var values = new JsonObject();
        foreach (var target in (payload["targets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var code = target["code"]!.GetValue<string>();
            var value = _draw.Between(40, 100, "target", task.TaskId, code);
            values[code] = value;
            TargetsEntered[$"{task.TaskId}|{code}"] = value;
        }
        return values;
    }

    private static JsonObject Before(DateOnly lastDay) =>
        new() { ["deadline"] = "trước ngày " + lastDay.AddDays(1).ToString("d/M/yyyy", CultureInfo.InvariantCulture) };

    private static DateOnly Day(JsonObject payload, string key) => DateOnly.ParseExact(Text(payload, key), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(JsonObject node, string key) => node[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
