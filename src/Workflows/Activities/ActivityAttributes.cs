namespace WorkflowHost.Workflows.Activities;

/// <summary>What Studio's picker shows for an activity: Action, Trigger (can start a workflow), Job or Task.</summary>
public enum ActivityKind { Action, Trigger, Job, Task }

/// <summary>
/// Declares an activity type. The Elsa type name is <c>{Namespace}.{TypeName ?? class name}</c>, e.g.
/// <c>[Activity("Elsa", "Branching", "Evaluate a condition", DisplayName = "Decision")]</c> on class FlowDecision
/// gives <c>Elsa.FlowDecision</c>. Everything Studio needs is derived from this and the property attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string category, string? description = null) : Attribute
{
    public string Namespace { get; } = @namespace;
    public string Category { get; } = category;
    public string? Description { get; } = description;
    /// <summary>Short type name; defaults to the class name.</summary>
    public string? TypeName { get; init; }
    public string? DisplayName { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
    public int Version { get; init; } = 1;
    public bool IsBrowsable { get; init; } = true;
    /// <summary>No inbound connector (e.g. Elsa.Start).</summary>
    public bool IsStart { get; init; }
    /// <summary>No outbound Done connector (e.g. Elsa.End, Elsa.Finish).</summary>
    public bool IsTerminal { get; init; }
}

/// <summary>Declares an activity input on an <see cref="Input{T}"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>Studio editor (ELSA-API §5.3); defaults from the value type (bool → checkbox, enum/collection → dropdown, else singleline).</summary>
    public string? UIHint { get; init; }
    public object? DefaultValue { get; init; }
    /// <summary>Drop-down items; for enum inputs they default to the enum's member names.</summary>
    public string[]? Options { get; init; }
    public string? Category { get; init; }
    public float Order { get; init; }
    public string DefaultSyntax { get; init; } = "Literal";
    /// <summary>False: the JSON holds the raw value, not <c>{typeName, expression}</c> (e.g. SetVariable.Variable).</summary>
    public bool IsWrapped { get; init; } = true;
    public bool IsBrowsable { get; init; } = true;
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }
    /// <summary>Validation requires a value (publish fails with the activity id and the input name otherwise).</summary>
    public bool IsRequired { get; init; }
    /// <summary>Alias written as <c>typeName</c> in the descriptor; defaults from the CLR type.</summary>
    public string? TypeName { get; init; }
}

/// <summary>Declares an activity output on an <see cref="Output{T}"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public string? TypeName { get; init; }
}

/// <summary>Declares the fixed outcome ports of a flow activity, e.g. <c>[FlowNode("True", "False")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] outcomes) : Attribute
{
    public string[] Outcomes { get; } = outcomes;
}

/// <summary>Optional display metadata for an <see cref="EmbeddedPort"/> property (child-activity slot).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public bool IsBrowsable { get; init; } = true;
}
