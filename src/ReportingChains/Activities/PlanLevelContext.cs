using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// The plan and plan level an activity works for: where its defaults (recipient, via body, drafter, approval,
/// deadline, urging bodies, reminder offsets) come from when its own inputs are left empty.
/// </summary>
/// <param name="Plan">Null when the activity runs without a plan (no <c>PlanId</c> input or workflow input).</param>
/// <param name="Level">Null when no level key is given or the plan has no such level.</param>
public sealed record PlanLevelContext(string? PlanId, PlanTemplate? Plan, LevelProvision? Level)
{
    /// <summary>
    /// Reads <paramref name="planIdInput"/> (else the workflow input <c>planId</c>) and <paramref name="levelInput"/>
    /// (else the workflow input <c>levelKey</c>). A plan id or level key that is given but unknown is an
    /// <see cref="ActivityInputException"/> naming the input: a typo must not silently drop the plan's rules.
    /// </summary>
    public static async Task<PlanLevelContext> ReadAsync(ActivityExecutionContext context, Input<string> planIdInput, Input<string> levelInput)
    {
        var planId = context.GetText(planIdInput) ?? context.WorkflowInputText(ChainInputs.PlanId);
        var levelKey = context.GetText(levelInput) ?? context.WorkflowInputText(ChainInputs.LevelKey);
        if (planId is null) return new PlanLevelContext(null, null, null);

        var plans = context.Services.GetService<IPlanTemplates>();
        var plan = plans is null ? null : await plans.FindAsync(planId, context.CancellationToken);
        if (plan is null)
            throw new ActivityInputException(planIdInput.Name, $"Không tìm thấy kế hoạch \"{planId}\".",
                $"{planIdInput.Name}: plan '{planId}' does not exist.");
        if (levelKey is null) return new PlanLevelContext(planId, plan, null);

        var level = plan.FindLevel(levelKey) ?? throw new ActivityInputException(levelInput.Name,
            $"Kế hoạch \"{planId}\" không có cấp \"{levelKey}\" (có: {string.Join(", ", plan.Levels.Select(l => l.Key))}).",
            $"{levelInput.Name}: plan '{planId}' has no level '{levelKey}'.");
        return new PlanLevelContext(planId, plan, level);
    }

    /// <summary>The plan template, or an error naming <paramref name="inputName"/> for activities that cannot work without one.</summary>
    public PlanTemplate RequirePlan(string inputName) => Plan ?? throw new ActivityInputException(inputName,
        $"Thiếu \"{inputName}\" (và quy trình không có đầu vào \"planId\").",
        $"{inputName}: a plan id is required (the workflow has no input 'planId').");
}
