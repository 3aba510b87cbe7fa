using System.Net;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Organisation;

public sealed class OrganisationPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_page_shows_the_tree_of_the_chosen_date()
    {
        var client = await LoginForm.SignedInClientAsync(host.Factory, "kiemtoan");

        var before = await client.GetStringAsync("/Organisation?asOf=2022-09-01");
        Assert.Contains("<input id=\"asOf\" name=\"asOf\" type=\"date\" value=\"2022-09-01\" />", before);
        Assert.Contains("data-code=\"HU-BATXAT\"", before);
        Assert.Contains("Huyện ủy Bát Xát", before);
        Assert.DoesNotContain("data-code=\"DUX-BATXAT\"", before);

        var after = await client.GetStringAsync("/Organisation?asOf=2026-06-01");
        Assert.DoesNotContain("data-code=\"HU-BATXAT\"", after);
        Assert.Contains("Đảng ủy xã Bát Xát", after);
        Assert.Contains("<a href=\"/Organisation\" aria-current=\"page\">Tổ chức</a>", after);
    }

    [Fact]
    public async Task A_bad_date_is_explained_and_today_is_shown()
    {
        var client = await LoginForm.SignedInClientAsync(host.Factory, "kiemtoan");

        var response = await client.GetAsync("/Organisation?asOf=31-12-2022");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("không hợp lệ", html);
        Assert.Contains("data-code=\"TU\"", html);
    }

    [Fact]
    public async Task The_home_page_shows_the_signed_in_user_and_only_existing_menu_entries()
    {
        var client = await LoginForm.SignedInClientAsync(host.Factory, "thietke");

        var html = await client.GetStringAsync("/");

        Assert.Contains("Xin chào, Người thiết kế quy trình", html);
        Assert.Contains("Thiết kế quy trình", html);
        Assert.Contains(">Trang chủ</a>", html);
        Assert.Contains(">Hộp việc</a>", html);
        Assert.DoesNotContain("Ngày nghỉ lễ", html); // admins only
        Assert.DoesNotContain("Nhật ký kiểm toán", html);
    }
}
