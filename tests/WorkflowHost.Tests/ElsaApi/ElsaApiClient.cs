using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkflowHost.Tests.ElsaApi;

/// <summary>/elsa/api calls as Studio makes them, with the checks every answer must pass (status, JSON content type).</summary>
public static class ElsaApiClient
{
    public const string Base = "/elsa/api";

    public static string SamplePath(string fileName) => Path.Combine(AppContext.BaseDirectory, "ElsaSamples", fileName);

    public static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ElsaSamples"), "*.json").Select(Path.GetFileName).Order()!;

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
        => await ReadAsync(await client.GetAsync(Base + path), expected);

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, JsonNode? body, HttpStatusCode expected = HttpStatusCode.OK)
        => await ReadAsync(await client.PostAsync(Base + path, Content(body)), expected);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, JsonNode? body) =>
        client.PostAsync(Base + path, Content(body));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string text) =>
        client.PostAsync(Base + path, new StringContent(text, Encoding.UTF8, "application/json"));

    private static StringContent Content(JsonNode? body)
    {
        var content = new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode} {text}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(mediaType is "application/json" or "application/problem+json", $"content type {mediaType}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Imports a sample file (as Studio does after parsing it) and returns the stored definition.</summary>
    public static async Task<JsonObject> ImportSampleAsync(this HttpClient designer, string fileName)
    {
        var model = JsonNode.Parse(File.ReadAllText(SamplePath(fileName)).TrimStart('\uFEFF'))!;
        var response = await designer.PostAsync("/workflow-definitions/import", model);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Saves (or publishes) a model through <c>POST /workflow-definitions</c> and returns <c>workflowDefinition</c>.</summary>
    public static async Task<JsonObject> SaveAsync(this HttpClient designer, JsonObject model, bool publish = false)
    {
        var response = await designer.PostJsonAsync("/workflow-definitions", new JsonObject { ["model"] = model.DeepClone(), ["publish"] = publish });
        return (JsonObject)response["workflowDefinition"]!;
    }

    public static IEnumerable<string> Rels(JsonNode? links) =>
        (links as JsonArray ?? []).Select(l => l!["rel"]!.GetValue<string>());

    /// <summary>Every property name in the tree is camelCase, except inside free-form maps.</summary>
    public static void AssertCamelCase(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Assert.True(name.Length == 0 || !char.IsUpper(name[0]) || path.EndsWith(".properties") || path.EndsWith(".customProperties") || path.EndsWith(".payload")
                                || path.EndsWith(".activityState") || path.EndsWith(".outputs") || path.EndsWith(".input") || path.EndsWith(".output"),
                        $"{path}.{name} is not camelCase");
                    AssertCamelCase(value, $"{path}.{name}");
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) AssertCamelCase(array[i], $"{path}[{i}]");
                break;
        }
    }

    /// <summary>No explicit JSON null anywhere: Studio takes a null as "set to null" and crashes iterating it.</summary>
    public static void AssertNoNulls(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Assert.True(value is not null, $"{path}.{name} is null");
                    AssertNoNulls(value, $"{path}.{name}");
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) AssertNoNulls(array[i], $"{path}[{i}]");
                break;
        }
    }

    /// <summary>A flowchart Start → RunTask("Duyệt báo cáo") → WriteLine, as Studio would save it.</summary>
    public static JsonObject RunTaskModel(string name) => new()
    {
        ["definitionId"] = null,
        ["name"] = name,
        ["root"] = new JsonObject
        {
            ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["name"] = "Flowchart1",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start1", ["type"] = "Elsa.Start", ["version"] = 1, ["name"] = "Start1" },
                new JsonObject
                {
                    ["id"] = "task1", ["type"] = "Elsa.RunTask", ["version"] = 1, ["name"] = "RunTask1",
                    ["taskName"] = new JsonObject { ["typeName"] = null, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Duyệt báo cáo" } },
                },
                new JsonObject
                {
                    ["id"] = "write1", ["type"] = "Elsa.WriteLine", ["version"] = 1, ["name"] = "WriteLine1",
                    ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Xong" } },
                }),
            ["connections"] = new JsonArray(
                Connection("start1", "task1"),
                Connection("task1", "write1")),
        },
    };

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
