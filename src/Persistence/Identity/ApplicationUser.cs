using Microsoft.AspNetCore.Identity;

namespace WorkflowHost.Persistence.Identity;

/// <summary>A login. Which units an approver may act on comes from the organisation's memberships.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>The name shown in the UI, e.g. "Nguyễn Văn An".</summary>
    public string DisplayName { get; set; } = "";
}
