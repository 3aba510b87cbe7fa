using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Identity.ApiKeys;

/// <summary>Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> (the header Elsa Studio sends).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyService apiKeys,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "ApiKey ";

    public static bool HasApiKey(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization].ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasApiKey(Request))
            return AuthenticateResult.NoResult();
        var key = Request.Headers[HeaderNames.Authorization].ToString()[Prefix.Length..].Trim();
        var owner = key.Length == 0 ? null : await apiKeys.FindOwnerAsync(key, Context.RequestAborted);
        if (owner is null)
            return AuthenticateResult.Fail("Unknown, expired or revoked API key.");
        var claims = (await claimsFactory.CreateAsync(owner)).Claims;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
