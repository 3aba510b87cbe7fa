using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.Pages.Studio;

/// <summary>The designer of one definition (read-only for users who may not design: the API omits the publish link).</summary>
public sealed class DefinitionEditorModel(IApiKeyService apiKeys, UserManager<ApplicationUser> users, IWorkflowDefinitionService definitions)
    : StudioPageModel(apiKeys, users)
{
    [FromRoute] public string DefinitionId { get; set; } = "";
    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Studio shows its red error bar for an unknown definition; a plain 404 page says it better.
        if (await definitions.FindAsync(DefinitionId, VersionOptions.Latest, cancellationToken) is not { } definition)
            return NotFound();
        Name = definition.Name;
        await MintApiKeyAsync(cancellationToken);
        return Page();
    }
}
