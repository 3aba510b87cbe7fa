using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Pages.Studio;

/// <summary>Phiên chạy: Studio's instance list; a row opens the viewer page.</summary>
public sealed class InstancesModel(IApiKeyService apiKeys, UserManager<ApplicationUser> users) : StudioPageModel(apiKeys, users)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => MintApiKeyAsync(cancellationToken);
}
