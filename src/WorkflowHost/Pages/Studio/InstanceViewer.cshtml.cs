using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Pages.Studio;

/// <summary>The viewer of one instance: journal, activity records, state; "edit definition" opens the designer page.</summary>
public sealed class InstanceViewerModel(IApiKeyService apiKeys, UserManager<ApplicationUser> users, IWorkflowStateStore states)
    : StudioPageModel(apiKeys, users)
{
    [FromRoute] public string InstanceId { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await states.GetInstanceAsync(InstanceId, cancellationToken) is null)
            return NotFound();
        await MintApiKeyAsync(cancellationToken);
        return Page();
    }
}
