using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Tests.Support;

namespace WorkflowHost.Workflows.Tests;

public class DescriptorTests
{
    private static readonly string[] CoreTypes =
    [
        "Elsa.Flowchart", "Elsa.Start", "Elsa.End", "Elsa.Finish", "Elsa.FlowDecision", "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.FlowJoin",
        "Elsa.Fork", "Elsa.Sequence", "Elsa.SetVariable", "Elsa.WriteLine", "Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Cron",
        "Elsa.Event", "Elsa.PublishEvent", "Elsa.Correlate", "Elsa.RunTask", "Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow",
        "Elsa.ForEach", "Elsa.ParallelForEach", "Elsa.Fault", "Elsa.SetOutput", "Elsa.While", "Elsa.Break", "Elsa.NotFoundActivity",
    ];

    private static async Task<ActivityRegistry> RegistryAsync()
    {
        var engine = new TestEngine();
        await Task.CompletedTask;
        return engine.Services.GetRequiredService<ActivityRegistry>();
    }

    private static JsonObject Serialized(ActivityDescriptor descriptor) =>
        JsonSerializer.SerializeToNode(descriptor, JsonValues.Options)!.AsObject();

    [Fact]
    public async Task Every_core_activity_has_a_descriptor()
    {
        var registry = await RegistryAsync();
        foreach (var type in CoreTypes)
        {
            var descriptor = registry.Find(type)?.Descriptor;
            Assert.NotNull(descriptor);
            Assert.Equal(1, descriptor.Version);
            Assert.Equal("Elsa", descriptor.Namespace);
            Assert.False(string.IsNullOrEmpty(descriptor.Category));
            Assert.All(descriptor.Inputs, i => Assert.False(string.IsNullOrEmpty(i.UIHint)));
        }
    }

    [Fact]
    public async Task Flow_descriptors_carry_ports_flags_and_categories_of_elsa_3_8()
    {
        var registry = await RegistryAsync();
        var flowchart = registry.Find("Elsa.Flowchart")!.Descriptor;
        Assert.False(flowchart.IsBrowsable);
        Assert.True(flowchart.IsContainer);
        Assert.Equal(new PortDescriptor("Start", "Start", PortType.Embedded, false), Assert.Single(flowchart.Ports));

        var decision = registry.Find("Elsa.FlowDecision")!.Descriptor;
        Assert.Equal(("Decision", "Branching", ActivityKind.Action), (decision.DisplayName, decision.Category, decision.Kind));
        Assert.Equal(["True", "False"], decision.Ports.Where(p => p.Type == PortType.Flow).Select(p => p.Name));
        var condition = Assert.Single(decision.Inputs);
        Assert.Equal(("Condition", "Boolean", "singleline"), (condition.Name, condition.TypeName, condition.UIHint));

        Assert.True(registry.Find("Elsa.Start")!.Descriptor.IsStart);
        Assert.True(registry.Find("Elsa.End")!.Descriptor.IsTerminal);
        Assert.True(registry.Find("Elsa.Finish")!.Descriptor.IsTerminal);
        Assert.Equal("Fork (flow)", registry.Find("Elsa.FlowFork")!.Descriptor.DisplayName);
        Assert.Equal("dynamic-outcomes", registry.Find("Elsa.FlowFork")!.Descriptor.Inputs.Single().UIHint);
        Assert.False(registry.Find("Elsa.Fork")!.Descriptor.IsBrowsable);
        Assert.Equal(ActivityKind.Trigger, registry.Find("Elsa.Cron")!.Descriptor.Kind);
        Assert.Equal(ActivityKind.Trigger, registry.Find("Elsa.Timer")!.Descriptor.Kind);
        Assert.Equal(ActivityKind.Task, registry.Find("Elsa.ExecuteWorkflow")!.Descriptor.Kind);
        Assert.Equal("Scheduling", registry.Find("Elsa.Delay")!.Descriptor.Category);
        Assert.Equal(PortType.Embedded, registry.Find("Elsa.ParallelForEach")!.Descriptor.Ports.Single(p => p.Name == "Body").Type);
        Assert.Equal(["TaskId", "Result"], registry.Find("Elsa.RunTask")!.Descriptor.Outputs.Select(o => o.Name));
    }

    [Fact]
    public async Task Join_mode_is_a_dropdown_with_sorted_items_and_wait_any_default()
    {
        var registry = await RegistryAsync();
        var json = Serialized(registry.Find("Elsa.FlowJoin")!.Descriptor);
        var mode = json["inputs"]![0]!.AsObject();

        Assert.Equal("Join", json["displayName"]!.GetValue<string>());
        Assert.Equal("dropdown", mode["uiHint"]!.GetValue<string>());
        Assert.Equal("WaitAny", mode["defaultValue"]!.GetValue<string>());
        Assert.True(mode["isBrowsable"]!.GetValue<bool>());
        var items = mode["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray();
        Assert.Equal(["WaitAll", "WaitAllActive", "WaitAny"], items.Select(i => i!["value"]!.GetValue<string>()));
        Assert.False(mode["uiSpecifications"]!["dropdown"]!["selectList"]!["isFlagsEnum"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Serialized_descriptor_uses_studio_names_and_string_enums()
    {
        var registry = await RegistryAsync();
        var json = Serialized(registry.Find("Elsa.WriteLine")!.Descriptor);

        foreach (var field in new[] { "typeName", "namespace", "name", "version", "category", "displayName", "inputs", "outputs", "kind", "ports",
                     "customProperties", "constructionProperties", "isContainer", "isBrowsable", "isStart", "isTerminal" })
            Assert.True(json.ContainsKey(field), field);
        Assert.Equal("Action", json["kind"]!.GetValue<string>());
        Assert.Equal("Write Line", json["displayName"]!.GetValue<string>());
        var text = json["inputs"]![0]!.AsObject();
        Assert.Equal("Text", text["name"]!.GetValue<string>());
        Assert.True(text["isBrowsable"]!.GetValue<bool>());
        Assert.True(text["isWrapped"]!.GetValue<bool>());
        Assert.False(text.ContainsKey("isRequired"));
        Assert.False(text.ContainsKey("valueType"));
    }

    [Fact]
    public async Task A_domain_activity_is_one_class_registered_with_AddActivity()
    {
        await using var engine = new TestEngine(e => e.AddActivity<TestActivities.ApproveReport>());
        var descriptor = engine.Services.GetRequiredService<ActivityRegistry>().Find("BaoCao.ApproveReport")!.Descriptor;

        Assert.Equal("Phê duyệt báo cáo", descriptor.DisplayName);
        Assert.Equal("Báo cáo", descriptor.Category);
        Assert.Equal(["Đồng ý", "Trả lại"], descriptor.Ports.Select(p => p.Name));
        Assert.Equal("Số phiếu tối thiểu", descriptor.Inputs.Single(i => i.Name == "MinimumVotes").DisplayName);
    }
}
