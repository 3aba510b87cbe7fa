namespace WorkflowHost.Tests.Infrastructure;

/// <summary>Posts an inbox item's task form as the browser does (with the antiforgery token of the page).</summary>
public static class InboxTaskForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid itemId, params (string Key, string Value)[] fields)
    {
        var page = $"/Inbox/Details/{itemId}";
        var token = LoginForm.TokenFrom(await client.GetStringAsync(page));
        return await client.PostAsync(page + "?handler=Form", new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }
}
