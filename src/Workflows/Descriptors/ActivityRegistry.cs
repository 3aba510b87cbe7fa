using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Activities;

namespace WorkflowHost.Workflows.Descriptors;

/// <summary>A registered activity type: its descriptor and its single (stateless) implementation instance.</summary>
public sealed record ActivityRegistration(ActivityDescriptor Descriptor, Activity Activity, Type ClrType);

/// <summary>
/// All activity types known to the engine, by (type name, version). Built once from the types registered with
/// <c>AddWorkflowEngine(e => e.AddActivity&lt;T&gt;())</c>; activity instances are created through DI so their
/// constructors may take singleton services.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<(string Type, int Version), ActivityRegistration> _byKey = new();
    private readonly Dictionary<string, ActivityRegistration> _latestByType = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<Type> activityTypes, IServiceProvider services)
    {
        foreach (var type in activityTypes.Distinct())
        {
            var descriptor = ActivityDescriptorFactory.Create(type);
            var activity = (Activity)ActivatorUtilities.CreateInstance(services, type);
            NameMembers(activity);
            var registration = new ActivityRegistration(descriptor, activity, type);
            _byKey[(descriptor.TypeName, descriptor.Version)] = registration;
            if (!_latestByType.TryGetValue(descriptor.TypeName, out var existing) || existing.Descriptor.Version < descriptor.Version)
                _latestByType[descriptor.TypeName] = registration;
        }
    }

    public IReadOnlyCollection<ActivityRegistration> All => _byKey.Values;

    public IEnumerable<ActivityDescriptor> Descriptors => _byKey.Values.Select(r => r.Descriptor);

    /// <summary>The exact (type, version), or else the highest registered version of the type; null if the type is unknown.</summary>
    public ActivityRegistration? Find(string typeName, int version) =>
        _byKey.TryGetValue((typeName, version), out var exact) ? exact
        : _latestByType.GetValueOrDefault(typeName);

    public ActivityRegistration? Find(string typeName) => _latestByType.GetValueOrDefault(typeName);

    /// <summary>Gives each Input/Output/EmbeddedPort member its declared name, so <c>context.Get(Text)</c> knows what to read.</summary>
    private static void NameMembers(Activity activity)
    {
        foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(activity))
            {
                case ActivityInput input: input.Name = property.Name; break;
                case ActivityOutput output: output.Name = property.Name; break;
                case EmbeddedPort port: port.Name = property.Name; break;
            }
        }
    }

    /// <summary>All concrete activity classes with an [Activity] attribute in an assembly (for an assembly scan).</summary>
    public static IEnumerable<Type> ScanAssembly(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Activity).IsAssignableFrom(t)
                                       && t.GetCustomAttribute<ActivityAttribute>() is not null);
}
