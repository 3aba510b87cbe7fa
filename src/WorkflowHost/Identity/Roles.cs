namespace WorkflowHost.Identity;

/// <summary>The four roles of the service (role names as stored in Identity and in seeds/organisation/users.json).</summary>
public static class Roles
{
    public const string Designer = "designer";
    public const string Approver = "approver";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Designer, Approver, Auditor, Admin];
}
