namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>A person holding a role in a unit over a range of days.</summary>
public sealed class Membership : IEffectiveDated
{
    public int Id { get; init; }
    public required string UnitCode { get; init; }
    public required string Person { get; init; }
    public MemberRole Role { get; init; }
    public required string Title { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>The login of this person, when they have one.</summary>
    public string? UserName { get; init; }
}
