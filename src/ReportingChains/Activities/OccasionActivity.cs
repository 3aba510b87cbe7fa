using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Dịp định kỳ: the recurring occasions of a plan — every 27/7, every Tết Nguyên đán (computed per year on the lunar
/// calendar), 6-monthly and yearly reports, or the recurrence a plan task or level states — from year <c>From</c> to
/// <c>Until</c>. One durable timer per next occurrence; each occurrence follows the port <c>Occasion</c> while the
/// activity stays running for the next one (<see cref="ActivityExecutionContext.ScheduleOutcomes"/>, like a Cron whose
/// every firing runs the branch); after the last occurrence it completes with <c>Occasion</c> and <c>Done</c>.
/// </summary>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Các dịp lặp lại của kế hoạch (27/7 hằng năm, Tết Nguyên đán hằng năm theo âm lịch, 6 tháng, hằng năm, hoặc theo nhiệm vụ/cấp của kế hoạch) " +
    "từ năm đến năm: mỗi dịp đi tiếp cổng \"Occasion\" và tiếp tục chờ dịp sau; sau dịp cuối cùng ra cổng \"Done\".",
    TypeName = "Occasion", DisplayName = "Dịp định kỳ", Kind = ActivityKind.Task)]
[FlowNode(OccasionOutcome, DoneOutcome)]
public sealed partial class OccasionActivity : Activity
{
    public const string OccasionOutcome = "Occasion";
    public const string DoneOutcome = "Done";
    public const string OccurrenceBookmark = "WorkflowHost.Occasion";

    [Input(DisplayName = "Lặp lại", IsRequired = true, Order = 1,
        Description = "\"27/7 hằng năm\", \"Tết Nguyên đán hằng năm\", \"6 tháng\", \"hằng năm\", \"nhiệm vụ 2.3\" (như nhiệm vụ của kế hoạch ghi) " +
                      "hoặc \"cấp dang-uy-ubnd\" (kỳ báo cáo của một cấp trong kế hoạch); nhiều cách, cách nhau bởi dấu chấm phẩy.")]
    public Input<string> Recurrence { get; } = new();

    [Input(DisplayName = "Từ năm", Order = 2, Description = "Để trống: năm bắt đầu kế hoạch ghi, nếu không có thì năm hiện tại.")]
    public Input<string> From { get; } = new();

    [Input(DisplayName = "Đến năm", Order = 3, Description = "Dịp cuối cùng trong năm này. Để trống: năm kết thúc kế hoạch ghi.")]
    public Input<string> Until { get; } = new();

    [Input(DisplayName = "Giờ", DefaultValue = "08:00", Order = 4, Description = "Giờ Việt Nam (HH:mm) của ngày diễn ra dịp.")]
    public Input<string> TimeOfDay { get; } = new();

    [Input(DisplayName = "Mã kế hoạch", Order = 5, Description = "Cho \"nhiệm vụ …\"/\"cấp …\". Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Output(DisplayName = "Ngày của dịp", Description = "yyyy-MM-dd.")]
    public Output<string> Date { get; } = new();

    [Output(DisplayName = "Tên dịp")]
    public Output<string> Name { get; } = new();

    [Output(DisplayName = "Lần thứ")]
    public Output<int> Index { get; } = new();

    [Output(DisplayName = "Dịp tiếp theo", Description = "yyyy-MM-dd, trống sau dịp cuối cùng.")]
    public Output<string> Next { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var planId = context.GetText(PlanId) ?? context.WorkflowInputText(ChainInputs.PlanId);
        var plan = planId is null || context.Services.GetService<IPlanTemplates>() is not { } plans ? null : await plans.FindAsync(planId, context.CancellationToken);
        var (recurrences, planFrom, planUntil) = ReadRecurrence(context, plan);
        var from = Year(context, From) ?? planFrom ?? VietnamTime.DateOf(context.UtcNow).Year;
        var until = Year(context, Until) ?? planUntil ?? throw new ActivityInputException(Until.Name,
            "Thiếu năm kết thúc (\"Đến năm\").", $"{Until.Name}: the last year is required (the recurrence states none).");
        if (until < from)
            throw new ActivityInputException(Until.Name, $"\"Đến năm\" ({until}) trước \"Từ năm\" ({from}).", $"{Until.Name}: {until} is before {from}.");
        var time = ReadTime(context);
        var windowed = recurrences.Select(r => r with
        {
            Recurrence = r.Recurrence with { WindowStart = new DateOnly(from, 1, 1), WindowEnd = new DateOnly(until, 12, 31) },
        }).ToList();

        context.Properties["recurrences"] = JsonSerializer.SerializeToNode(windowed);
        context.Properties["time"] = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        context.Properties["index"] = 0;
        context.Properties["planId"] = planId;

        // The first occurrence still ahead: today's counts when its hour has not passed yet.
        var next = windowed.NextAfter(VietnamTime.DateOf(context.UtcNow).AddDays(-1));
        while (next is not null && VietnamTime.At(next.Date, time) < context.UtcNow) next = windowed.NextAfter(next.Date);
        context.Set(Index, 0);
        context.Set(Next, Day(next));
        if (next is null) context.Complete(DoneOutcome);
        else Schedule(context, next, time);
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        var recurrences = context.Properties["recurrences"].Deserialize<List<NamedRecurrence>>()!;
        var time = TimeOnly.ParseExact(context.Properties["time"]!.GetValue<string>(), "HH:mm", CultureInfo.InvariantCulture);
        var date = DateOnly.ParseExact(resumption.Bookmark.Payload!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = resumption.Bookmark.Payload["name"]!.GetValue<string>();
        var index = context.Properties["index"]!.GetValue<int>() + 1;
        var next = recurrences.NextAfter(date);
        context.Properties["index"] = index;
        context.Set(Date, Day(date));
        context.Set(Name, name);
        context.Set(Index, index);
        context.Set(Next, Day(next));
        context.AddPayload("Occurrence", new JsonObject { ["date"] = Day(date), ["name"] = name, ["index"] = index });
        context.Publish(new OccasionDue(context.WorkflowInstanceId, context.Id, context.ActivityId, context.Properties["planId"]?.GetValue<string>(),
            name, date, index, next?.Date, context.UtcNow));
        if (next is null)
        {
            context.SetJournalMessage($"{name} {date:dd/MM/yyyy} (lần {index}, dịp cuối cùng).");
            context.Complete(OccasionOutcome, DoneOutcome);
            return ValueTask.CompletedTask;
        }
        context.SetJournalMessage($"{name} {date:dd/MM/yyyy} (lần {index}); dịp tiếp theo {next.Date:dd/MM/yyyy}.");
        context.ScheduleOutcomes(OccasionOutcome);
        Schedule(context, next, time);
        return ValueTask.CompletedTask;
    }

    private static void Schedule(ActivityExecutionContext context, Occurrence occurrence, TimeOnly time) =>
        context.CreateTimer(OccurrenceBookmark, VietnamTime.At(occurrence.Date, time),
            new JsonObject { ["date"] = Day(occurrence.Date), ["name"] = occurrence.Name });

    /// <summary>The named recurrences of the input, and the years a plan recurrence states (defaults for From/Until).</summary>
    private (List<NamedRecurrence> Recurrences, int? From, int? Until) ReadRecurrence(ActivityExecutionContext context, PlanTemplate? plan)
    {
        var parts = context.List(Recurrence).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
            throw new ActivityInputException(Recurrence.Name, "Thiếu cách lặp lại.", $"{Recurrence.Name}: a recurrence is required.");
        var result = new List<NamedRecurrence>();
        int? from = null, until = null;
        foreach (var part in parts)
        {
            var text = part.Trim().TrimEnd('.');
            if (PlanReference().Match(text) is { Success: true } reference)
            {
                var recurrence = PlanRecurrenceOf(plan, reference.Groups["what"].Value.ToLowerInvariant(), reference.Groups["key"].Value);
                result.AddRange(NamesOf(recurrence));
                from = Min(from, recurrence.FromYear);
                until = Max(until, recurrence.ToYear);
            }
            else result.Add(Parse(text));
        }
        return (result, from, until);
    }

    private NamedRecurrence Parse(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("tết nguyên đán", StringComparison.Ordinal))
            return new NamedRecurrence("Tết Nguyên đán", new YearlyOnLunarDate(1, 1));
        if (SolarDay().Match(lower) is { Success: true } solar)
        {
            int day = int.Parse(solar.Groups["d"].Value, CultureInfo.InvariantCulture), month = int.Parse(solar.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
                throw new ActivityInputException(Recurrence.Name, $"Ngày \"{day}/{month}\" không có thật.", $"{Recurrence.Name}: {day}/{month} is not a date.");
            return new NamedRecurrence((day, month) == (27, 7) ? "Ngày Thương binh - Liệt sĩ" : $"Ngày {day}/{month}", new YearlyOnSolarDate(month, day));
        }
        return lower switch
        {
            "6 tháng" or "định kỳ 6 tháng" or "6 tháng một lần" => Periodic(RecurrencePeriod.HalfYear),
            "hằng năm" or "định kỳ hằng năm" => Periodic(RecurrencePeriod.Year),
            "hằng quý" or "định kỳ hằng quý" => Periodic(RecurrencePeriod.Quarter),
            "hằng tháng" or "định kỳ hằng tháng" => Periodic(RecurrencePeriod.Month),
            _ => throw new ActivityInputException(Recurrence.Name,
                $"Không hiểu cách lặp lại \"{text}\": viết \"27/7 hằng năm\", \"Tết Nguyên đán hằng năm\", \"6 tháng\", \"hằng năm\", \"nhiệm vụ 2.3\" hoặc \"cấp <mã cấp>\".",
                $"{Recurrence.Name}: cannot read \"{text}\" (e.g. \"27/7 hằng năm\", \"Tết Nguyên đán hằng năm\", \"6 tháng\", \"hằng năm\", \"nhiệm vụ 2.3\", \"cấp <level key>\")."),
        };
    }

    /// <summary>A plan period as a recurrence due at the end of each period (6-monthly: 30/6 and 31/12), as <see cref="PlanRecurrence.ToSchedules"/>.</summary>
    private static NamedRecurrence Periodic(RecurrencePeriod period)
    {
        var schedule = new PlanRecurrence("", [], [period], null, null).ToSchedules().Single();
        return new NamedRecurrence(PeriodName(period), schedule);
    }

    private static IEnumerable<NamedRecurrence> NamesOf(PlanRecurrence recurrence)
    {
        var schedules = recurrence.ToSchedules();
        var names = recurrence.Occasions.Select(o => o.Name).Concat(recurrence.Periods.Select(PeriodName)).ToList();
        return schedules.Select((schedule, i) => new NamedRecurrence(names[i], schedule with { WindowStart = null, WindowEnd = null }));
    }

    private static string PeriodName(RecurrencePeriod period) => period switch
    {
        RecurrencePeriod.Month => "Báo cáo tháng",
        RecurrencePeriod.Quarter => "Báo cáo quý",
        RecurrencePeriod.HalfYear => "Báo cáo 6 tháng",
        RecurrencePeriod.Year => "Báo cáo năm",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    private PlanRecurrence PlanRecurrenceOf(PlanTemplate? plan, string what, string key)
    {
        if (plan is null)
            throw new ActivityInputException(PlanId.Name, $"\"{what} {key}\" cần mã kế hoạch (\"PlanId\" hoặc đầu vào \"planId\").",
                $"{PlanId.Name}: \"{what} {key}\" needs a plan (this input or the workflow input 'planId').");
        var recurrence = what == "nhiệm vụ"
            ? (plan.Tasks.FirstOrDefault(t => t.Number == key) ?? throw new ActivityInputException(Recurrence.Name,
                $"Kế hoạch \"{plan.Id}\" không có nhiệm vụ \"{key}\".", $"{Recurrence.Name}: plan '{plan.Id}' has no task '{key}'.")).Recurrence
            : (plan.FindLevel(key) ?? throw new ActivityInputException(Recurrence.Name,
                $"Kế hoạch \"{plan.Id}\" không có cấp \"{key}\".", $"{Recurrence.Name}: plan '{plan.Id}' has no level '{key}'.")).Recurrence;
        return recurrence ?? throw new ActivityInputException(Recurrence.Name, $"\"{what} {key}\" của kế hoạch \"{plan.Id}\" không lặp lại.",
            $"{Recurrence.Name}: {what} '{key}' of plan '{plan.Id}' states no recurrence.");
    }

    private static int? Year(ActivityExecutionContext context, Input<string> input)
    {
        if (context.GetText(input) is not { } text) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            ? year
            : throw new ActivityInputException(input.Name, $"\"{input.Name}\" phải là một năm, nhận được \"{text}\".", $"{input.Name}: expected a year, got \"{text}\".");
    }

    private TimeOnly ReadTime(ActivityExecutionContext context)
    {
        var text = context.GetText(TimeOfDay) ?? "08:00";
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ActivityInputException(TimeOfDay.Name, $"Giờ \"{text}\" phải có dạng HH:mm.", $"{TimeOfDay.Name}: \"{text}\" is not a time HH:mm.");
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static string? Day(Occurrence? occurrence) => occurrence is null ? null : Day(occurrence.Date);
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<what>nhiệm vụ|cấp)\s+(?<key>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlanReference();

    [GeneratedRegex(@"^(?:ngày\s+)?(?<d>\d{1,2})/(?<m>\d{1,2})(?:\s+hằng năm)?$")]
    private static partial Regex SolarDay();
}
