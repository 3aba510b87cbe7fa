using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class DefinitionTests
{
    private static JsonObject Simple(string text) => Definition(Flowchart([WriteLine("w", text)]), name: "Simple");

    [Fact]
    public async Task Saving_a_draft_updates_it_in_place_and_saving_after_publish_creates_a_new_version()
    {
        await using var engine = new TestEngine();
        var first = (await engine.Definitions.SaveAsync(Simple("v1"), publish: false)).Definition!;
        Assert.Equal((1, true, false), (first.Version, first.IsLatest, first.IsPublished));

        var model = first.Model;
        model["root"]!["activities"]![0]!["text"] = Lit("v1 edited");
        var edited = (await engine.Definitions.SaveAsync(model, publish: false)).Definition!;
        Assert.Equal((first.Id, 1), (edited.Id, edited.Version));

        var published = (await engine.Definitions.SaveAsync(edited.Model, publish: true)).Definition!;
        Assert.Equal((first.Id, true, true), (published.Id, published.IsPublished, published.IsLatest));

        var draft = (await engine.Definitions.SaveAsync(published.Model, publish: false)).Definition!;
        Assert.Equal((2, true, false), (draft.Version, draft.IsLatest, draft.IsPublished));
        Assert.NotEqual(first.Id, draft.Id);
        var v1 = await engine.Definitions.GetByIdAsync(first.Id);
        Assert.Equal((true, false), (v1!.IsPublished, v1.IsLatest));
        Assert.Equal(first.DefinitionId, draft.DefinitionId);
        Assert.Equal(draft.Id, draft.Model["id"]!.GetValue<string>());
        Assert.Equal(2, draft.Model["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_running_instance_stays_on_its_version_after_a_new_publish()
    {
        await using var engine = new TestEngine();
        var model = Definition(Flowchart([Activity("t", "Elsa.RunTask", ("taskName", Lit("x"))), WriteLine("w", "old")], ("t", "Done", "w")));
        var v1 = await engine.PublishAsync(model);
        var oldRun = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = v1.DefinitionId });

        var changed = v1.Model;
        changed["root"]!["activities"]![1]!["text"] = Lit("new");
        var v2 = await engine.PublishAsync(changed);
        Assert.Equal(2, v2.Version);
        var newRun = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = v1.DefinitionId });

        foreach (var task in engine.Notifications.Of<RunTaskRequested>()) await engine.Runtime.CompleteTaskAsync(task.TaskId, null);

        Assert.Equal(["old"], await engine.WrittenLinesAsync(oldRun.InstanceId));
        Assert.Equal(["new"], await engine.WrittenLinesAsync(newRun.InstanceId));
        Assert.Equal(v1.Id, (await engine.InstanceAsync(oldRun.InstanceId)).DefinitionVersionId);
    }

    [Fact]
    public async Task Retract_revert_and_delete_follow_elsa_semantics()
    {
        await using var engine = new TestEngine();
        var v1 = await engine.PublishAsync(Simple("one"));
        var v2Model = v1.Model;
        v2Model["root"]!["activities"]![0]!["text"] = Lit("two");
        var v2 = await engine.PublishAsync(v2Model);

        var retracted = await engine.Definitions.RetractAsync(v1.DefinitionId);
        Assert.Equal((v2.Id, false), (retracted!.Id, retracted.IsPublished));
        Assert.Null(await engine.Definitions.RetractAsync(v1.DefinitionId));
        await Assert.ThrowsAsync<WorkflowDefinitionNotFoundException>(() => engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = v1.DefinitionId }));

        var reverted = await engine.Definitions.RevertAsync(v1.DefinitionId, 1);
        Assert.Equal((3, true, false), (reverted!.Version, reverted.IsLatest, reverted.IsPublished));
        Assert.Equal("one", reverted.Model["root"]!["activities"]![0]!["text"]!["expression"]!["value"]!.GetValue<string>());
        var run = await engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = v1.DefinitionId, VersionOptions = VersionOptions.Latest });
        Assert.Equal(["one"], await engine.WrittenLinesAsync(run.InstanceId));

        Assert.True(await engine.Definitions.DeleteVersionAsync(reverted.Id));
        Assert.Equal(v2.Id, (await engine.Definitions.FindAsync(v1.DefinitionId, VersionOptions.Latest))!.Id);
        Assert.Equal(2, (await engine.Definitions.ListVersionsAsync(v1.DefinitionId)).Count);
        Assert.True(await engine.Definitions.DeleteAsync(v1.DefinitionId));
        Assert.Empty(await engine.Definitions.ListVersionsAsync(v1.DefinitionId));
        Assert.False(await engine.Definitions.DeleteAsync(v1.DefinitionId));
        Assert.NotNull(await engine.InstanceAsync(run.InstanceId));
    }

    [Fact]
    public async Task Publishing_the_latest_again_reports_already_published()
    {
        await using var engine = new TestEngine();
        var v1 = await engine.PublishAsync(Simple("x"));
        var again = await engine.Definitions.PublishAsync(v1.DefinitionId);
        Assert.True(again.AlreadyPublished);
    }

    [Fact]
    public async Task Definition_queries_support_version_options_search_paging_and_order()
    {
        await using var engine = new TestEngine();
        var alpha = await engine.PublishAsync(Definition(Flowchart([WriteLine("w", "a")]), name: "Alpha"));
        await engine.Definitions.SaveAsync(alpha.Model, publish: false); // alpha v2 draft
        await engine.Definitions.SaveAsync(Definition(Flowchart([WriteLine("w", "b")]), name: "Beta"), publish: false);
        await engine.PublishAsync(Definition(Flowchart([WriteLine("w", "c")]), name: "Gamma"));

        async Task<List<string>> Names(WorkflowDefinitionQuery query) => (await engine.Store.QueryAsync(query)).Items.Select(d => $"{d.Name}:{d.Version}").ToList();

        Assert.Equal(["Alpha:2", "Beta:1", "Gamma:1"], await Names(new() { VersionOptions = VersionOptions.Latest }));
        Assert.Equal(["Alpha:1", "Gamma:1"], await Names(new() { VersionOptions = VersionOptions.Published }));
        Assert.Equal(["Alpha:1", "Alpha:2", "Beta:1", "Gamma:1"], await Names(new() { VersionOptions = VersionOptions.LatestOrPublished, OrderBy = DefinitionOrderBy.Name, OrderDirection = OrderDirection.Ascending }).ContinueWith(t => t.Result.Order().ToList()));
        Assert.Equal(["Gamma:1"], await Names(new() { VersionOptions = VersionOptions.LatestAndPublished, SearchTerm = "gam" }));
        Assert.Equal(["Alpha:2", "Beta:1"], await Names(new() { VersionOptions = VersionOptions.Draft }));
        Assert.Equal(["Alpha:2", "Alpha:1"], await Names(new() { VersionOptions = VersionOptions.AllVersions, DefinitionIds = [alpha.DefinitionId], OrderBy = DefinitionOrderBy.Version }));
        Assert.Equal(["Alpha:2"], await Names(new() { VersionOptions = VersionOptions.SpecificVersion(2) }));
        var page = await engine.Store.QueryAsync(new WorkflowDefinitionQuery { VersionOptions = VersionOptions.Latest, Page = 1, PageSize = 2 });
        Assert.Equal((3L, "Gamma"), (page.TotalCount, page.Items.Single().Name));
        Assert.False(await engine.Store.IsNameUniqueAsync(" alpha ", null));
        Assert.True(await engine.Store.IsNameUniqueAsync("Alpha", alpha.DefinitionId));
        Assert.True(VersionOptions.TryParse("LatestOrPublished", out var parsed) && parsed == VersionOptions.LatestOrPublished);
        Assert.True(VersionOptions.TryParse("3", out var three) && three == VersionOptions.SpecificVersion(3));
    }

    [Fact]
    public async Task Bad_definitions_give_validation_errors_naming_the_activity_and_nothing_is_saved()
    {
        await using var engine = new TestEngine();
        var model = Definition(Flowchart(
            [
                Activity("ghost", "Acme.DoesNotExist"),
                Activity("task", "Elsa.RunTask"),
                Activity("js", "Elsa.WriteLine", ("text", Js("function ("))),
                Activity("d", "Elsa.FlowDecision", ("condition", Lit(true))),
                Activity("cron", "Elsa.Cron", ("cronExpression", Lit("every day"))),
                WriteLine("w", "ok"),
            ],
            ("d", "Maybe", "w"), ("d", "True", "nowhere"), ("d", "False", "task")));

        var result = await engine.Definitions.SaveAsync(model, publish: true);

        Assert.False(result.Succeeded);
        var errors = result.ValidationErrors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("Activity 'ghost'") && e.Contains("Unknown activity type 'Acme.DoesNotExist'"));
        Assert.Contains(errors, e => e.StartsWith("Activity 'task'") && e.Contains("Required input 'TaskName'"));
        Assert.Contains(errors, e => e.StartsWith("Activity 'js'") && e.Contains("Input 'Text'") && e.Contains("does not parse"));
        Assert.Contains(errors, e => e.StartsWith("Activity 'd'") && e.Contains("unknown port 'Maybe'"));
        Assert.Contains(errors, e => e.StartsWith("Activity 'd'") && e.Contains("missing activity 'nowhere'"));
        Assert.Contains(errors, e => e.StartsWith("Activity 'cron'") && e.Contains("Invalid cron expression"));
        Assert.Equal(6, errors.Count);
        Assert.Empty((await engine.Store.QueryAsync(new WorkflowDefinitionQuery())).Items);

        var draft = await engine.Definitions.SaveAsync(model, publish: false);
        Assert.True(draft.Succeeded);
    }

    [Fact]
    public async Task Loops_are_valid_and_malformed_json_is_an_error_not_an_exception()
    {
        await using var engine = new TestEngine();
        var loop = Definition(Flowchart([WriteLine("a", "a"), WriteLine("b", "b")], ("a", "Done", "b"), ("b", "Done", "a")));
        Assert.Empty(engine.Definitions.Validate(loop));

        var result = await engine.Definitions.ImportAsync("{ \"root\": ");
        Assert.False(result.Succeeded);
        Assert.Contains("Invalid JSON", result.ValidationErrors.Single().Message);
    }

    [Fact]
    public async Task Startup_import_publishes_only_when_the_file_is_newer()
    {
        await using var engine = new TestEngine();
        var text = Samples.Text("fork.json");

        var first = await engine.Definitions.ImportAndPublishIfNewerAsync(text);
        Assert.True(first!.Succeeded);
        Assert.True(first.Definition!.IsPublished);
        Assert.Null(await engine.Definitions.ImportAndPublishIfNewerAsync(text));

        var newer = Samples.Load("fork.json");
        newer["version"] = first.Definition.Version + 1;
        var second = await engine.Definitions.ImportAndPublishIfNewerAsync(newer.ToJsonString());
        Assert.True(second!.Definition!.IsPublished);
        Assert.Equal(first.Definition.Version + 1, second.Definition.Version);
    }
}
