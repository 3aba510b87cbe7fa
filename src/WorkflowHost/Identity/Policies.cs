using Microsoft.AspNetCore.Authorization;

namespace WorkflowHost.Identity;

/// <summary>Named authorization policies; every endpoint and page names one (or is explicitly anonymous).</summary>
public static class Policies
{
    /// <summary>Any signed-in user holding one of the four roles.</summary>
    public const string ReadOrganisation = nameof(ReadOrganisation);
    public const string DesignWorkflows = nameof(DesignWorkflows);
    /// <summary>Approvers act only on their own units; check those with <see cref="ApproverScope"/>.</summary>
    public const string ActOnTasks = nameof(ActOnTasks);
    public const string Audit = nameof(Audit);
    public const string Administer = nameof(Administer);

    public static AuthorizationBuilder AddWorkflowHostPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ReadOrganisation, p => p.RequireRole(Roles.All))
        .AddPolicy(DesignWorkflows, p => p.RequireRole(Roles.Designer, Roles.Admin))
        .AddPolicy(ActOnTasks, p => p.RequireRole(Roles.Approver, Roles.Admin))
        .AddPolicy(Audit, p => p.RequireRole(Roles.Auditor, Roles.Admin))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Admin))
        // An endpoint that forgot to declare a policy still needs a signed-in user.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
