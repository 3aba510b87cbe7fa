using System.Security.Claims;

namespace WorkflowHost.Identity;

/// <summary>The user of the current request (null user name outside a request or when anonymous).</summary>
public interface ICurrentUser
{
    string? UserName { get; }
    ClaimsPrincipal? Principal { get; }
}

public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;
}
