using System.Text.Json.Nodes;

namespace WorkflowHost.BrowserTests.Studio;

public static class HttpClientJson
{
    /// <summary>GET a JSON document; a non-2xx answer fails with its body.</summary>
    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> PostJsonNodeAsync(this HttpClient client, string path, JsonNode? body)
    {
        var response = await client.PostAsync(path, new StringContent(body?.ToJsonString() ?? "", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
