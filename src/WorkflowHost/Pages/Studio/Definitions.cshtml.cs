using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Pages.Studio;

/// <summary>Quy trình: Studio's definition list; a row opens the designer page.</summary>
public sealed class DefinitionsModel(IApiKeyService apiKeys, UserManager<ApplicationUser> users) : StudioPageModel(apiKeys, users)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => MintApiKeyAsync(cancellationToken);
}
