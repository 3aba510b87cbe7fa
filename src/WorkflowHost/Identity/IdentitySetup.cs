using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Infrastructure.ProblemDetails;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// ASP.NET Core Identity on the service database; cookie sign-in for pages and API keys for programs. API paths
    /// answer 401/403 instead of redirecting to /Login.
    /// </summary>
    public static IServiceCollection AddWorkflowHostIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                PersistenceServiceCollectionExtensions.ConfigureIdentityStore(options);
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowHostDbContext>()
            .AddSignInManager();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthenticationSchemes.CookieOrApiKey;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(AuthenticationSchemes.CookieOrApiKey, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.HasApiKey(context.Request)
                    ? AuthenticationSchemes.ApiKey
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthenticationSchemes.ApiKey, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(ConfigureApplicationCookie));

        services.AddAuthorizationBuilder().AddWorkflowHostPolicies();
        services.AddScoped<IApiKeyService, ApiKeyService>();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        services.AddScoped<ApproverScope>();
        return services;
    }

    private static void ConfigureApplicationCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/Login";
        options.LogoutPath = "/Logout";
        options.AccessDeniedPath = "/AccessDenied";
        options.Cookie.Name = "WorkflowHost.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (ProblemDetailsSetup.IsApiRequest(context.Request))
            context.Response.StatusCode = apiStatus;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
