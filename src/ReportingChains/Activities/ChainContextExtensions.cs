using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// How the chain activities read their inputs: an input left empty falls back to the workflow input the level above
/// passed (<see cref="ChainInputs"/>); a value that is still missing or unreadable is an
/// <see cref="ActivityInputException"/> naming the input.
/// </summary>
internal static class ChainContextExtensions
{
    public static string? GetText(this ActivityExecutionContext context, Input<string> input) =>
        context.Get(input) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The input, else the workflow input <paramref name="workflowInput"/>, else an error naming both.</summary>
    public static string RequireText(this ActivityExecutionContext context, Input<string> input, string workflowInput) =>
        context.GetText(input) ?? context.WorkflowInputText(workflowInput) ?? throw new ActivityInputException(input.Name,
            $"Thiếu \"{input.Name}\" (và quy trình không có đầu vào \"{workflowInput}\").",
            $"{input.Name}: a value is required (the workflow has no input '{workflowInput}' to default to).");

    public static string? WorkflowInputText(this ActivityExecutionContext context, string name) =>
        context.WorkflowInput[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>
    /// The organisation tree date: the input, else the workflow input <c>asOf</c>, else the <c>AsOf</c> of plan
    /// <paramref name="planId"/> (through <see cref="IPlanTemplates"/>, when registered).
    /// </summary>
    public static async Task<DateOnly> RequireAsOfAsync(this ActivityExecutionContext context, Input<string> input, string? planId)
    {
        var text = context.GetText(input) ?? context.WorkflowInputText(ChainInputs.AsOf);
        if (text is null && planId is not null && context.Services.GetService<IPlanTemplates>() is { } plans)
            return (await plans.FindAsync(planId, context.CancellationToken))?.AsOf ?? throw new ActivityInputException(input.Name,
                $"Không tìm thấy kế hoạch \"{planId}\" để lấy ngày chốt cây tổ chức.",
                $"{input.Name}: no date given and plan '{planId}' does not exist to take its asOf from.");
        if (text is null)
            throw new ActivityInputException(input.Name,
                $"Thiếu \"{input.Name}\" (và quy trình không có đầu vào \"asOf\" hay kế hoạch có ngày chốt).",
                $"{input.Name}: a date is required (no workflow input 'asOf' and no registered plan to take it from).");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ActivityInputException(input.Name, $"\"{input.Name}\" phải là ngày dạng yyyy-MM-dd, nhận được \"{text}\".",
                $"{input.Name}: expected a date yyyy-MM-dd, got \"{text}\".");
    }

    /// <summary>The parent level's deadline: the input, else the workflow input <c>deadline</c>; null when neither is given.</summary>
    public static async Task<ResolvedDeadline?> ParentDeadlineAsync(this ActivityExecutionContext context, Input<JsonNode> input)
    {
        var node = context.Get(input);
        if (IsEmpty(node)) return await context.DeadlineFromAboveAsync();
        var rule = DeadlineValue.ReadRule(node, input.Name, out var resolved);
        return resolved ?? await context.ResolveAsync(rule, input.Name, DeadlineContext.None);
    }

    /// <summary>
    /// The workflow input <c>deadline</c>: normally the resolved deadline the level above passed down; a workflow
    /// started from the API may give a phrase or rule instead. Null when there is none.
    /// </summary>
    public static async Task<ResolvedDeadline?> DeadlineFromAboveAsync(this ActivityExecutionContext context)
    {
        var node = context.WorkflowInput[ChainInputs.Deadline];
        if (IsEmpty(node)) return null;
        var rule = DeadlineValue.ReadRule(node, ChainInputs.Deadline, out var resolved);
        return resolved ?? await context.ResolveAsync(rule, ChainInputs.Deadline, DeadlineContext.None);
    }

    public static bool IsEmpty(JsonNode? node) => node is null || node is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s);

    /// <summary>A concrete deadline (not set by the parent) from a phrase, rule or resolved value, relative rules
    /// counted from <paramref name="parentDeadline"/>.</summary>
    public static async Task<ResolvedDeadline> ResolveConcreteAsync(this ActivityExecutionContext context, JsonNode? node, string field,
        ResolvedDeadline? parentDeadline)
    {
        var rule = DeadlineValue.ReadRule(node, field, out var resolved);
        if (resolved is not null) return resolved;
        if (rule is SetByParentRule)
            throw new ActivityInputException(field,
                $"\"{field}\": thời hạn \"do cấp trên quyết định\" phải được chọn trước bằng hoạt động \"Thời hạn\".",
                $"{field}: a set-by-parent deadline must be chosen first with a Deadline activity; pass its Resolved output here.");
        return await context.ResolveAsync(rule, field, new DeadlineContext(parentDeadline));
    }

    public static async Task<ResolvedDeadline> ResolveAsync(this ActivityExecutionContext context, DeadlineRule rule, string field, DeadlineContext deadlineContext)
    {
        try
        {
            return await context.Services.GetRequiredService<DeadlineResolver>().ResolveAsync(rule, deadlineContext, context.CancellationToken);
        }
        catch (DeadlineRuleException e)
        {
            throw new ActivityInputException(field, $"{field}: {e.VietnameseMessage}", $"{field}: {e.Message}");
        }
    }

    /// <summary>Comma/semicolon/newline separated values of a text input.</summary>
    public static IReadOnlyList<string> List(this ActivityExecutionContext context, Input<string> input) =>
        (context.Get(input) ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
