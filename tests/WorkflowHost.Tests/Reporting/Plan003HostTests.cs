using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.PlanTasks;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// workflows/plan-003.json through the real host: imported and published at start-up, started with the repository's
/// organisation (the two-level tree of 2026), its PlanTask items in the executing units' inboxes, answers persisted
/// as plan-task rows and target values in the engine's commit.
/// </summary>
public sealed class Plan003HostTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TestRoot _root = TestRoot.Create();

    public Plan003HostTests()
    {
        var repository = RepositoryRoot.Locate(null);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "seeds", "organisation"), "*.json"))
            File.Copy(file, _root.SeedFile(Path.GetFileName(file)), overwrite: true);
        var workflows = Path.Combine(_root.Path, "workflows");
        Directory.CreateDirectory(Path.Combine(workflows, "plans"));
        File.Copy(Path.Combine(repository, "workflows", "plan-003.json"), Path.Combine(workflows, "plan-003.json"));
        File.Copy(Path.Combine(repository, "workflows", "plans", "003.plan.json"), Path.Combine(workflows, "plans", "003.plan.json"));
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_executing_unit_reports_progress_through_the_inbox_form_a_bad_value_is_refused_and_nothing_is_lost()
    {
        using var factory = new WorkflowHostFactory(_root);
        factory.Clock.Advance(Start - factory.Clock.GetUtcNow());
        _ = factory.Server;
        var run = await factory.InScopeAsync(s => s.GetRequiredService<IWorkflowRuntime>().StartAsync(
            new StartWorkflowRequest { DefinitionId = "plan-003", Input = new JsonObject { ["planId"] = "003" } }));
        var item = await factory.InScopeAsync(async s => await s.GetRequiredService<WorkflowHostDbContext>().Set<InboxItem>()
            .SingleAsync(i => i.WorkflowInstanceId == run.InstanceId && i.Title.StartsWith("Nhiệm vụ 1.3:")));
        var admin = await LoginForm.SignedInClientAsync(factory, "admin");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Inbox/Details/{item.Id}"));
        Assert.Contains("Báo cáo tiến độ nhiệm vụ 1.3", page);
        Assert.Contains("name=\"target:MT-CHEDO\"", page);

        var refused = await InboxTaskForm.PostAsync(admin, item.Id, ("action", "complete"), ("text", "Đã hỗ trợ xong 52 hộ."), ("target:MT-CHEDO", "-5"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("không được âm", refusedPage);
        Assert.Contains("Đã hỗ trợ xong 52 hộ.", refusedPage); // what was typed is still there

        var done = await InboxTaskForm.PostAsync(admin, item.Id, ("action", "complete"), ("text", "Đã hỗ trợ xong 52 hộ."), ("target:MT-CHEDO", "97,5"), ("target:MT-NHATAM", ""));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (assignment, values) = await factory.InScopeAsync(async s =>
        {
            var plans = s.GetRequiredService<IPlanTaskRepository>();
            return (Assert.Single(await plans.ListAssignmentsAsync(run.InstanceId, "1.3")), await plans.ListTargetValuesAsync("003"));
        });
        Assert.Equal(PlanTaskState.Completed, assignment.State);
        Assert.Equal([("MT-CHEDO", 97.5m)], values.Select(v => (v.TargetCode, v.Value)));
    }


    [Fact]
    public async Task Started_through_the_host_it_puts_each_task_in_the_inboxes_of_its_executing_units_and_persists_the_answers()
    {
        using var factory = new WorkflowHostFactory(_root);
        factory.Clock.Advance(Start - factory.Clock.GetUtcNow());
        _ = factory.Server;

        var run = await factory.InScopeAsync(s => s.GetRequiredService<IWorkflowRuntime>().StartAsync(
            new StartWorkflowRequest { DefinitionId = "plan-003", Input = new JsonObject { ["planId"] = "003" } }));
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

        var items = await factory.InScopeAsync(async s => await s.GetRequiredService<WorkflowHostDbContext>().Set<InboxItem>()
            .Where(i => i.WorkflowInstanceId == run.InstanceId).ToListAsync());
        var communes = items.Where(i => i.Title.StartsWith("Nhiệm vụ 1.1:")).Select(i => i.UnitCode!).ToList();
        Assert.Equal(34, communes.Count); // 4 đảng ủy trực thuộc + 30 đảng ủy xã/phường on the 2026 tree
        Assert.Contains("DUX-BATXAT", communes);
        Assert.DoesNotContain(communes, code => code.StartsWith("HU-"));
        var task13 = Assert.Single(items, i => i.Title.StartsWith("Nhiệm vụ 1.3:"));
        Assert.Equal("TU-DUUBND", task13.UnitCode);
        Assert.Equal(new DateTime(2026, 7, 24, 17, 0, 0, DateTimeKind.Utc), task13.DueAtUtc);

        var assignments = await factory.InScopeAsync(s => s.GetRequiredService<IPlanTaskRepository>().ListAssignmentsAsync(run.InstanceId, "1.1"));
        Assert.Equal(communes.Order(StringComparer.Ordinal), assignments.Select(a => a.UnitCode));

        await factory.InScopeAsync(s => s.GetRequiredService<IWorkflowRuntime>().CompleteTaskAsync(task13.TaskId, InboxCompletion.Result("duubnd", null,
            new JsonObject { ["action"] = "complete", ["text"] = "Đã hỗ trợ xong 52 hộ.", ["targets"] = new JsonObject { ["MT-NHATAM"] = 0, ["MT-CHEDO"] = 100 } })));

        var (assignment, values, item) = await factory.InScopeAsync(async s =>
        {
            var plans = s.GetRequiredService<IPlanTaskRepository>();
            return (Assert.Single(await plans.ListAssignmentsAsync(run.InstanceId, "1.3")), await plans.ListTargetValuesAsync("003"),
                await s.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync(task13.TaskId));
        });
        Assert.Equal(PlanTaskState.Completed, assignment.State);
        Assert.Equal("Đã hỗ trợ xong 52 hộ.", assignment.LastProgressText);
        Assert.Equal([("MT-CHEDO", 100m), ("MT-NHATAM", 0m)], values.Select(v => (v.TargetCode, v.Value)).OrderBy(v => v.TargetCode));
        Assert.Equal(InboxItemStatus.Done, item!.Status);
        Assert.Equal("duubnd", item.CompletedBy);
    }
}
