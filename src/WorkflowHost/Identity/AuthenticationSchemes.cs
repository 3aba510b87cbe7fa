namespace WorkflowHost.Identity;

public static class AuthenticationSchemes
{
    /// <summary>Picks <see cref="ApiKey"/> when the request carries "Authorization: ApiKey …", else the cookie.</summary>
    public const string CookieOrApiKey = nameof(CookieOrApiKey);
    public const string ApiKey = nameof(ApiKey);
}
