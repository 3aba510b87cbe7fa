using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WorkflowHost.Pages.Studio;

/// <summary>
/// After "Run" Studio's editor navigates by itself to workflows/instances/{id}/view under its base href (its
/// workflowDefinitionExecuted callback does not fire in the custom-elements host): send that to our viewer page.
/// </summary>
public sealed class StudioRunRedirectModel : PageModel
{
    public IActionResult OnGet(string instanceId) => Redirect(StudioUrls.Viewer(instanceId));
}
