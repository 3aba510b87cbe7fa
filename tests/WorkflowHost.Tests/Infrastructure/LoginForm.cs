using System.Net;
using System.Text.RegularExpressions;

namespace WorkflowHost.Tests.Infrastructure;

/// <summary>Signs in through the real /Login Razor form, antiforgery token included.</summary>
public static partial class LoginForm
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string> TokenAsync(HttpClient client, string page = "/Login") =>
        TokenFrom(await client.GetStringAsync(page));

    /// <summary>The antiforgery token of the first post form in <paramref name="html"/>.</summary>
    public static string TokenFrom(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token:\n" + html);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password };
        if (withToken)
            fields["__RequestVerificationToken"] = await TokenAsync(client);
        return await client.PostAsync("/Login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A cookie-holding client signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(WorkflowHostFactory factory, string userName, string password = "Demo@2026")
    {
        var client = factory.CreateNonRedirectingClient();
        var response = await PostAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }
}
