namespace WorkflowHost.ReportingChains.Activities;

/// <summary>Where the reporting-chain activities sit in Studio and the names their workflows share.</summary>
public static class ChainActivity
{
    /// <summary>Type names are <c>WorkflowHost.{Name}</c>.</summary>
    public const string Namespace = "WorkflowHost";

    /// <summary>The Studio palette category.</summary>
    public const string Category = "Chuỗi báo cáo";
}

/// <summary>
/// The workflow inputs a unit's chain receives from the level above (set by <see cref="RequestReports"/> on each
/// child) and that the activities use as their defaults.
/// </summary>
public static class ChainInputs
{
    /// <summary>The unit running this chain.</summary>
    public const string UnitCode = "unitCode";
    /// <summary>The unit that requested this unit's report.</summary>
    public const string ParentUnitCode = "parentUnitCode";
    /// <summary>The organisation tree date of the plan (yyyy-MM-dd).</summary>
    public const string AsOf = "asOf";
    /// <summary>This unit's deadline as a resolved deadline object (<see cref="DeadlineValue"/>).</summary>
    public const string Deadline = "deadline";
    public const string PlanId = "planId";
    /// <summary>The plan level (a <c>LevelProvision.Key</c> of the plan template) this chain reports at.</summary>
    public const string LevelKey = "levelKey";
}
