using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Pages.Studio;

/// <summary>
/// A page hosting one Elsa Studio element. Studio calls /elsa/api from the browser with "Authorization: ApiKey …", so
/// each page load mints a short-lived key of the signed-in user: the API then applies that user's roles (designers
/// edit, others read) and no shared secret sits in a static file.
/// </summary>
public abstract class StudioPageModel(IApiKeyService apiKeys, UserManager<ApplicationUser> users) : PageModel
{
    public const string ApiKeyName = "studio-page";

    /// <summary>As long as the sign-in cookie: a page left open for a working day keeps working.</summary>
    public static readonly TimeSpan ApiKeyLifetime = TimeSpan.FromHours(8);

    public string ApiKey { get; private set; } = "";

    protected async Task MintApiKeyAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User) ?? throw new InvalidOperationException("A Studio page needs a signed-in user.");
        ApiKey = (await apiKeys.MintAsync(userId, ApiKeyName, ApiKeyLifetime, cancellationToken)).Key;
    }
}
