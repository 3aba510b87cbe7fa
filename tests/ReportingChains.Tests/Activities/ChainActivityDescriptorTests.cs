using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Descriptors;
using WorkflowHost.Workflows.Model;

namespace WorkflowHost.ReportingChains.Tests.Activities;

public class ChainActivityDescriptorTests
{
    private static async Task<JsonObject> DescriptorAsync(string typeName)
    {
        await using var engine = new ChainEngine(DateTimeOffset.UnixEpoch);
        var registry = (ActivityRegistry)engine.Services.GetService(typeof(ActivityRegistry))!;
        var registration = registry.Find(typeName);
        Assert.NotNull(registration);
        // As Studio receives it from the descriptors endpoint.
        return JsonSerializer.SerializeToNode(registration.Descriptor, JsonValues.Options)!.AsObject();
    }

    [Theory]
    [InlineData("WorkflowHost.RequestReports", "Yêu cầu báo cáo", "AllReported,Deadline")]
    [InlineData("WorkflowHost.Deadline", "Thời hạn", "Done,Due")]
    [InlineData("WorkflowHost.Reminders", "Nhắc việc và đôn đốc", "Submitted")]
    [InlineData("WorkflowHost.CollectiveApproval", "Thông qua tập thể", "Approved,Rejected,NotDecided")]
    [InlineData("WorkflowHost.SubmitReport", "Gửi báo cáo qua cơ quan đầu mối", "Received,Returned")]
    public async Task The_chain_activities_are_in_the_Vietnamese_palette_category_with_their_outcome_ports(string typeName, string displayName, string ports)
    {
        var descriptor = await DescriptorAsync(typeName);

        Assert.Equal("Chuỗi báo cáo", descriptor["category"]!.GetValue<string>());
        Assert.Equal(displayName, descriptor["displayName"]!.GetValue<string>());
        Assert.Equal(1, descriptor["version"]!.GetValue<int>());
        Assert.True(descriptor["isBrowsable"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(descriptor["description"]!.GetValue<string>()));
        Assert.Equal(ports.Split(','), descriptor["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        var inputs = descriptor["inputs"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input =>
        {
            Assert.True(input["isBrowsable"]!.GetValue<bool>(), input["name"]!.GetValue<string>());
            Assert.NotEqual(input["name"]!.GetValue<string>(), input["displayName"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(input["description"]?.GetValue<string>()), input["name"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Request_reports_offers_the_unit_selection_modes_as_a_dropdown_and_picks_the_unit_chain_from_the_definitions()
    {
        var inputs = (await DescriptorAsync("WorkflowHost.RequestReports"))["inputs"]!.AsArray().ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!.AsObject());

        Assert.Equal("dropdown", inputs["Selection"]["uiHint"]!.GetValue<string>());
        Assert.Equal(["ByKind", "ByLevel", "ChildrenOfRunningUnit", "Explicit"],
            inputs["Selection"]["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!["value"]!.GetValue<string>()));
        Assert.Equal("ChildrenOfRunningUnit", inputs["Selection"]["defaultValue"]!.GetValue<string>());
        Assert.Equal("workflow-definition-picker", inputs["ChildWorkflowDefinitionId"]["uiHint"]!.GetValue<string>());
        Assert.Equal("Quy trình của đơn vị", inputs["ChildWorkflowDefinitionId"]["displayName"]!.GetValue<string>());
    }
}
