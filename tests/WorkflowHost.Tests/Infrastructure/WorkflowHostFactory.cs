using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Tests.Infrastructure;

/// <summary>The real host (Program) on a <see cref="TestRoot"/>, with a movable clock.</summary>
public sealed class WorkflowHostFactory(
    TestRoot root, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string DemoAdminKey = "test-demo-admin-key-0123456789";

    public TestRoot Root { get; } = root;
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program's builder as command-line arguments, i.e. before services are registered.
        builder.UseSetting("WORKFLOWHOST_ROOT", Root.Path);
        builder.UseSetting("Demo:AdminApiKey", DemoAdminKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(collection);
        });
    }

    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client that sends a freshly minted API key of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientWithApiKeyOfAsync(string userName, TimeSpan? lifetime = null)
    {
        var key = await MintKeyAsync(userName, lifetime);
        return ClientWithApiKey(key.Key);
    }

    public HttpClient ClientWithApiKey(string key)
    {
        var client = CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    public async Task<MintedApiKey> MintKeyAsync(string userName, TimeSpan? lifetime = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName} in the fixture");
        return await scope.ServiceProvider.GetRequiredService<IApiKeyService>().MintAsync(user.Id, "test", lifetime);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

/// <summary>One started host per test class, on its own temp root and SQLite file.</summary>
public sealed class HostFixture : IDisposable
{
    public HostFixture()
    {
        Root = TestRoot.Create();
        Factory = new WorkflowHostFactory(Root);
        _ = Factory.Server; // start now: migrations and seed loading run once for the class
    }

    public TestRoot Root { get; }
    public WorkflowHostFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Root.Dispose();
    }
}
