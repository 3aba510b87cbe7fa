using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Seeding;

/// <summary>
/// When <c>Demo:AdminApiKey</c> is configured (env <c>Demo__AdminApiKey</c>), makes that value an API key of the user
/// <c>admin</c>. Without the setting no demo key exists.
/// </summary>
public sealed class DemoApiKeySeeder(
    IConfiguration configuration, UserManager<ApplicationUser> users, IApiKeyService apiKeys, ILogger<DemoApiKeySeeder> logger)
{
    public const string SettingKey = "Demo:AdminApiKey";
    public const string AdminUserName = "admin";

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (configuration[SettingKey] is not { Length: > 0 } key)
            return;
        if (await users.FindByNameAsync(AdminUserName) is not { } admin)
        {
            logger.LogWarning("{Setting} is set but there is no user '{User}'; no demo API key created", SettingKey, AdminUserName);
            return;
        }
        await apiKeys.EnsureAsync(admin.Id, "demo-admin", key, cancellationToken);
    }
}
