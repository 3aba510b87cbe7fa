using System.Text.Json.Nodes;

namespace WorkflowHost.BrowserTests.Studio;

/// <summary>Definitions the flows start from, saved through the API as Studio would.</summary>
public static class StudioSamples
{
    /// <summary>Start → RunTask("Duyệt báo cáo") → WriteLine, laid out left to right.</summary>
    public static JsonObject RunTaskModel(string name) => JsonNode.Parse("""
        {"definitionId":null,"name":"__NAME__",
         "root":{"id":"flow1","type":"Elsa.Flowchart","version":1,"name":"Flowchart1",
          "activities":[
           {"id":"start1","type":"Elsa.Start","version":1,"name":"Start1","metadata":{"designer":{"position":{"x":-300,"y":0}}}},
           {"id":"task1","type":"Elsa.RunTask","version":1,"name":"RunTask1","metadata":{"designer":{"position":{"x":0,"y":0}}},
            "taskName":{"typeName":"String","expression":{"type":"Literal","value":"Duyệt báo cáo"}}},
           {"id":"write1","type":"Elsa.WriteLine","version":1,"name":"WriteLine1","metadata":{"designer":{"position":{"x":300,"y":0}}},
            "text":{"typeName":"String","expression":{"type":"Literal","value":"Đã duyệt"}}}],
          "connections":[
           {"source":{"activity":"start1","port":"Done"},"target":{"activity":"task1","port":"In"}},
           {"source":{"activity":"task1","port":"Done"},"target":{"activity":"write1","port":"In"}}]}}
        """.Replace("__NAME__", System.Text.Json.JsonEncodedText.Encode(name).ToString()))!.AsObject();
}
