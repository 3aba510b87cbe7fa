using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Activities;

namespace WorkflowHost.Workflows.Descriptors;

/// <summary>The activity descriptor Studio reads from <c>GET /descriptors/activities</c> (ELSA-API §5.1).</summary>
public sealed record ActivityDescriptor
{
    public required string TypeName { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Category { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];
    public ActivityKind Kind { get; init; }
    public IReadOnlyList<PortDescriptor> Ports { get; init; } = [];
    public JsonObject CustomProperties { get; init; } = new();
    public JsonObject ConstructionProperties { get; init; } = new();
    public bool IsContainer { get; init; }
    public bool IsBrowsable { get; init; }
    public bool IsStart { get; init; }
    public bool IsTerminal { get; init; }
}

/// <summary>An input of a descriptor (ELSA-API §5.2). <c>IsBrowsable</c> is always written: Studio hides inputs without it.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSynthetic { get; init; }
    public bool IsSerializable { get; init; } = true;
    public bool IsWrapped { get; init; } = true;
    public required string UIHint { get; init; }
    public string? Category { get; init; }
    public JsonNode? DefaultValue { get; init; }
    public string? DefaultSyntax { get; init; } = "Literal";
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }
    public string? StorageDriverType { get; init; }
    public JsonObject? UISpecifications { get; init; }
    /// <summary>Engine-only (not part of Elsa's descriptor): validation requires a value.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool IsRequired { get; init; }
    /// <summary>Engine-only: the CLR type the activity reads.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public Type ValueType { get; init; } = typeof(object);
}

public sealed record OutputDescriptor
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSynthetic { get; init; }
    public bool IsSerializable { get; init; } = true;
}

/// <summary><c>{"name","displayName","type":"Flow"|"Embedded","isBrowsable"}</c> (ELSA-API §5.4).</summary>
public sealed record PortDescriptor(string Name, string DisplayName, PortType Type, bool IsBrowsable = true);

public enum PortType { Embedded, Flow }
