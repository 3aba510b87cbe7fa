using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Identity;

public sealed class LoginTests(HostFixture host) : IClassFixture<HostFixture>
{
    private Task<List<AuditRecord>> AuditTrailAsync() => host.Factory.InScopeAsync(services =>
        services.GetRequiredService<WorkflowHostDbContext>().AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync());

    [Fact]
    public async Task The_login_page_is_Vietnamese_and_not_entity_encoded()
    {
        var html = await host.Factory.CreateNonRedirectingClient().GetStringAsync("/Login");

        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Tên đăng nhập", html);
        Assert.Contains("Mật khẩu", html);
        Assert.Contains("Đăng nhập", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Signing_in_through_the_form_sets_a_cookie_that_opens_pages_and_the_api()
    {
        var client = host.Factory.CreateNonRedirectingClient();
        var response = await LoginForm.PostAsync(client, "bithu.tu", "Demo@2026");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Xin chào, Nguyễn Văn An", home);
        Assert.Contains("Tỉnh ủy Lào Cai", home);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_Vietnamese_error_and_no_cookie()
    {
        var client = host.Factory.CreateNonRedirectingClient();
        var response = await LoginForm.PostAsync(client, "thietke", "sai-mat-khau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("", "Demo@2026")]
    [InlineData("admin", "")]
    public async Task Empty_fields_ask_for_both_and_write_no_audit_record(string userName, string password)
    {
        var before = (await AuditTrailAsync()).Count;
        var response = await LoginForm.PostAsync(host.Factory.CreateNonRedirectingClient(), userName, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập tên đăng nhập và mật khẩu.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await AuditTrailAsync()).Count);
    }

    [Theory]
    [InlineData("/Organisation?asOf=2022-09-01", "/Organisation?asOf=2022-09-01")]
    [InlineData("https://evil.example/", "/")]
    public async Task After_sign_in_only_local_return_urls_are_followed(string returnUrl, string expected)
    {
        var client = host.Factory.CreateNonRedirectingClient();
        var token = await LoginForm.TokenAsync(client);
        var response = await client.PostAsync("/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["UserName"] = "kiemtoan", ["Password"] = "Demo@2026", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_rejected()
    {
        var response = await LoginForm.PostAsync(host.Factory.CreateNonRedirectingClient(), "admin", "Demo@2026", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_failed_sign_in_and_sign_out_are_audited_in_an_intact_chain()
    {
        var client = await LoginForm.SignedInClientAsync(host.Factory, "admin");
        await LoginForm.PostAsync(host.Factory.CreateNonRedirectingClient(), "admin", "wrong");
        var token = await LoginForm.TokenAsync(client, "/"); // the layout's sign-out form
        var signOut = await client.PostAsync("/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var trail = await AuditTrailAsync();
        var mine = trail.Where(r => r.Target == "user:admin").Select(r => r.Action).ToList();
        Assert.Contains("SignIn", mine);
        Assert.Contains("SignInFailed", mine);
        Assert.Contains("SignOut", mine);
        Assert.All(trail.Where(r => r.Target == "user:admin"), r => Assert.Equal("admin", r.Actor));
        Assert.True(AuditChainVerifier.Verify(trail).IsIntact);
    }
}
