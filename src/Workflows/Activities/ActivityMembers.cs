namespace WorkflowHost.Workflows.Activities;

/// <summary>
/// An input declared by an activity class. The property name is the input name (<c>Text</c>); its JSON property is
/// the camelCase form (<c>text</c>). Read the evaluated value with <c>context.Get(Text)</c>.
/// </summary>
public abstract class ActivityInput
{
    public string Name { get; internal set; } = "";
    public abstract Type ValueType { get; }
}

/// <inheritdoc />
public sealed class Input<T> : ActivityInput
{
    public override Type ValueType => typeof(T);
}

/// <summary>An output declared by an activity class; set it with <c>context.Set(Result, value)</c>.</summary>
public abstract class ActivityOutput
{
    public string Name { get; internal set; } = "";
    public abstract Type ValueType { get; }
}

/// <inheritdoc />
public sealed class Output<T> : ActivityOutput
{
    public override Type ValueType => typeof(T);
}

/// <summary>
/// A slot holding child activities in the JSON (e.g. ParallelForEach <c>body</c>, Fork <c>branches</c>).
/// <c>context.GetChildren(Body)</c> returns the compiled children.
/// </summary>
public sealed class EmbeddedPort
{
    public string Name { get; internal set; } = "";
}
