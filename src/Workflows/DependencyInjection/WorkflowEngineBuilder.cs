using System.Reflection;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Workflows.DependencyInjection;

/// <summary>Configures the engine: which activities exist, expression limits, scheduler options.</summary>
public sealed class WorkflowEngineBuilder
{
    internal List<Type> ActivityTypes { get; } = [];

    public JavaScriptLimits JavaScriptLimits { get; set; } = new();
    public Runtime.WorkflowRuntimeOptions RuntimeOptions { get; set; } = new();
    public TimerSchedulerOptions SchedulerOptions { get; set; } = new();
    /// <summary>Run the <see cref="TimerScheduler"/> as a hosted service (off for tests driven by <see cref="VirtualTimeDriver"/>).</summary>
    public bool RunSchedulerInBackground { get; set; } = true;
    /// <summary>Register the in-memory stores (tests, rehearsal). The host registers EF stores instead.</summary>
    public bool UseInMemoryStores { get; set; }

    /// <summary>Adds one activity type (a class with [Activity]).</summary>
    public WorkflowEngineBuilder AddActivity<T>() where T : Activity
    {
        ActivityTypes.Add(typeof(T));
        return this;
    }

    /// <summary>Adds every activity class declared in an assembly (e.g. the domain's reporting-chain activities).</summary>
    public WorkflowEngineBuilder AddActivitiesFrom(Assembly assembly)
    {
        ActivityTypes.AddRange(Descriptors.ActivityRegistry.ScanAssembly(assembly));
        return this;
    }
}
