using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Identity.ApiKeys;
using WorkflowHost.Persistence;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Identity;

public sealed class AuthorizationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/org-units")]
    [InlineData("/api/org-units/TU")]
    [InlineData("/api/me")]
    [InlineData("/api/audit/verification")]
    public async Task Anonymous_api_calls_get_401_problem_details_not_a_redirect(string url)
    {
        var response = await host.Factory.CreateNonRedirectingClient().GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_page_requests_are_redirected_to_login()
    {
        var response = await host.Factory.CreateNonRedirectingClient().GetAsync("/Organisation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_user_without_a_role_gets_403_on_the_api_with_cookie_and_with_api_key()
    {
        var cookieClient = await LoginForm.SignedInClientAsync(host.Factory, "khongquyen");
        await AssertProblemAsync(await cookieClient.GetAsync("/api/org-units"), HttpStatusCode.Forbidden);

        var keyClient = await host.Factory.ClientWithApiKeyOfAsync("khongquyen");
        await AssertProblemAsync(await keyClient.GetAsync("/api/org-units"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Wrong_role_gets_403_and_the_right_role_200()
    {
        var designer = await host.Factory.ClientWithApiKeyOfAsync("thietke");
        await AssertProblemAsync(await designer.GetAsync("/api/audit/verification"), HttpStatusCode.Forbidden);

        var designerCookie = await LoginForm.SignedInClientAsync(host.Factory, "thietke");
        await AssertProblemAsync(await designerCookie.GetAsync("/api/audit/verification"), HttpStatusCode.Forbidden);

        var auditor = await host.Factory.ClientWithApiKeyOfAsync("kiemtoan");
        var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verification");
        Assert.True(verification.GetProperty("isIntact").GetBoolean());
    }

    [Theory]
    [InlineData("whk_not-a-key")]
    [InlineData("")]
    public async Task An_unknown_api_key_gets_401(string key)
    {
        var response = await host.Factory.ClientWithApiKey(key).GetAsync("/api/org-units");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_api_key_gets_401()
    {
        var key = await host.Factory.MintKeyAsync("kiemtoan", lifetime: TimeSpan.FromHours(1));
        var client = host.Factory.ClientWithApiKey(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/org-units")).StatusCode);

        host.Factory.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            await AssertProblemAsync(await client.GetAsync("/api/org-units"), HttpStatusCode.Unauthorized);
        }
        finally
        {
            host.Factory.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task A_revoked_api_key_gets_401()
    {
        var key = await host.Factory.MintKeyAsync("kiemtoan");
        var client = host.Factory.ClientWithApiKey(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/org-units")).StatusCode);

        await host.Factory.InScopeAsync(async services =>
        {
            await services.GetRequiredService<IApiKeyService>().RevokeAsync(key.Id);
            return true;
        });

        await AssertProblemAsync(await client.GetAsync("/api/org-units"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_demo_admin_key_from_configuration_belongs_to_admin()
    {
        var client = host.Factory.ClientWithApiKey(WorkflowHostFactory.DemoAdminKey);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var key = await host.Factory.MintKeyAsync("kiemtoan");
        var stored = await host.Factory.InScopeAsync(services =>
            services.GetRequiredService<WorkflowHostDbContext>().ApiKeys.SingleAsync(k => k.Id == key.Id));

        Assert.NotEqual(key.Key, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
        Assert.StartsWith(stored.Prefix, key.Key);
        Assert.True(stored.Prefix.Length < key.Key.Length / 2 + 1);
    }
}
