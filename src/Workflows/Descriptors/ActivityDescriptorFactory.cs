using System.Reflection;
using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Workflows.Descriptors;

/// <summary>Builds the full Studio descriptor of an activity class from its own declaration (attributes + members).</summary>
public static class ActivityDescriptorFactory
{
    public static ActivityDescriptor Create(Type activityType)
    {
        var attribute = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{activityType.FullName} has no [Activity] attribute.");
        var shortName = attribute.TypeName ?? activityType.Name;
        var properties = activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance);

        var inputs = properties.Where(p => typeof(ActivityInput).IsAssignableFrom(p.PropertyType))
            .Select((p, i) => CreateInput(p, i)).OrderBy(i => i.Order).ToList();
        var outputs = properties.Where(p => typeof(ActivityOutput).IsAssignableFrom(p.PropertyType))
            .Select((p, i) => CreateOutput(p, i)).ToList();

        var ports = new List<PortDescriptor>();
        foreach (var port in properties.Where(p => p.PropertyType == typeof(EmbeddedPort)))
        {
            var portAttribute = port.GetCustomAttribute<PortAttribute>();
            ports.Add(new PortDescriptor(port.Name, portAttribute?.DisplayName ?? port.Name, PortType.Embedded, portAttribute?.IsBrowsable ?? true));
        }
        foreach (var outcome in activityType.GetCustomAttribute<FlowNodeAttribute>()?.Outcomes ?? [])
            ports.Add(new PortDescriptor(outcome, outcome, PortType.Flow));

        return new ActivityDescriptor
        {
            TypeName = $"{attribute.Namespace}.{shortName}",
            Namespace = attribute.Namespace,
            Name = shortName,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? SplitWords(shortName),
            Description = attribute.Description,
            Inputs = inputs,
            Outputs = outputs,
            Kind = attribute.Kind,
            Ports = ports,
            CustomProperties = new JsonObject { ["Type"] = activityType.FullName },
            IsContainer = ports.Any(p => p.Type == PortType.Embedded),
            IsBrowsable = attribute.IsBrowsable,
            IsStart = attribute.IsStart,
            IsTerminal = attribute.IsTerminal,
        };
    }

    private static InputDescriptor CreateInput(PropertyInfo property, int index)
    {
        var attribute = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
        var valueType = property.PropertyType.GetGenericArguments().FirstOrDefault() ?? typeof(object);
        var uiHint = attribute.UIHint ?? TypeAliases.DefaultUIHint(valueType);
        var options = attribute.Options ?? (Nullable.GetUnderlyingType(valueType) ?? valueType) switch
        {
            { IsEnum: true } enumType => Enum.GetNames(enumType),
            _ => null
        };
        return new InputDescriptor
        {
            Name = property.Name,
            TypeName = attribute.TypeName ?? TypeAliases.For(valueType),
            DisplayName = attribute.DisplayName ?? SplitWords(property.Name),
            Description = attribute.Description,
            Order = attribute.Order == 0 ? index : attribute.Order,
            IsBrowsable = attribute.IsBrowsable,
            IsWrapped = attribute.IsWrapped,
            UIHint = uiHint,
            Category = attribute.Category,
            DefaultValue = attribute.DefaultValue is null ? null : JsonValues.ToJson(attribute.DefaultValue is Enum e ? e.ToString() : attribute.DefaultValue),
            DefaultSyntax = attribute.DefaultSyntax,
            IsReadOnly = attribute.IsReadOnly,
            IsSensitive = attribute.IsSensitive,
            UISpecifications = options is null || uiHint != "dropdown" ? null : DropDown(options),
            IsRequired = attribute.IsRequired,
            ValueType = valueType,
        };
    }

    private static JsonObject DropDown(IEnumerable<string> options) => new()
    {
        ["dropdown"] = new JsonObject
        {
            ["selectList"] = new JsonObject
            {
                ["items"] = new JsonArray(options.OrderBy(o => o, StringComparer.Ordinal)
                    .Select(o => (JsonNode)new JsonObject { ["text"] = o, ["value"] = o }).ToArray()),
                ["isFlagsEnum"] = false
            }
        }
    };

    private static OutputDescriptor CreateOutput(PropertyInfo property, int index)
    {
        var attribute = property.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute();
        var valueType = property.PropertyType.GetGenericArguments().FirstOrDefault() ?? typeof(object);
        return new OutputDescriptor
        {
            Name = property.Name,
            TypeName = attribute.TypeName ?? TypeAliases.For(valueType),
            DisplayName = attribute.DisplayName ?? SplitWords(property.Name),
            Description = attribute.Description,
            Order = index,
            IsBrowsable = attribute.IsBrowsable,
        };
    }

    /// <summary>"WriteLine" → "Write Line".</summary>
    private static string SplitWords(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) builder.Append(' ');
            builder.Append(name[i]);
        }
        return builder.ToString();
    }
}
