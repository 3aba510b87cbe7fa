using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Infrastructure.WorkflowEngine;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Tests.Infrastructure;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Serialization;

namespace WorkflowHost.Tests.Workflows;

/// <summary>Engine decisions in the real host: audited inside the engine commit; workflow commands outside transactions.</summary>
public sealed class EngineAuditTests : IDisposable
{
    private readonly TestRoot _root = TestRoot.Create();
    private readonly WorkflowHostFactory _factory;

    public EngineAuditTests()
    {
        _factory = new WorkflowHostFactory(_root, services: s => s.AddTransient<IRequestHandler<CountInstances, long>, CountInstancesHandler>());
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Starting_and_completing_a_task_are_audited_with_the_ambient_actor()
    {
        var definition = await _factory.InScopeAsync(s => s.GetRequiredService<IWorkflowDefinitionService>()
            .SaveAsync(WorkflowDefinitionJson.Parse(TestWorkflows.WaitOnTask()), publish: true));
        var runtime = _factory.Services.GetRequiredService<IWorkflowRuntime>();

        string instanceId;
        using (WorkflowActor.Use("chanhvanphong"))
            instanceId = (await runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definition.Definition!.DefinitionId })).InstanceId;
        var taskId = (await _factory.InScopeAsync(s => s.GetRequiredService<WorkflowHost.Workflows.Persistence.IWorkflowStateStore>().GetInstanceAsync(instanceId)))!
            .Bookmarks.Single().Payload!["taskId"]!.GetValue<string>();
        using (WorkflowActor.Use("bithu"))
            Assert.Equal(ResumeOutcome.Resumed, (await runtime.CompleteTaskAsync(taskId, "đồng ý")).Outcome);

        var records = await _factory.InScopeAsync(s => s.GetRequiredService<WorkflowHostDbContext>().AuditRecords
            .Where(r => r.WorkflowInstanceId == instanceId).OrderBy(r => r.Sequence).ToListAsync());
        Assert.Equal([("WorkflowStarted", "chanhvanphong"), ("TaskCompleted", "bithu"), ("WorkflowFinished", "bithu")],
            records.Select(r => (r.Action, r.Actor)));
        Assert.Contains("đồng ý", records[1].AfterJson);
        Assert.True((await _factory.InScopeAsync(s => s.GetRequiredService<IAuditTrail>().VerifyAsync())).IsIntact);
    }

    [Fact]
    public async Task A_workflow_command_sent_inside_a_transaction_is_refused()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<WorkflowHostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await s.GetRequiredService<IMediator>().Send(new CountInstances());
        }));
        Assert.Contains("must not run inside a database transaction", exception.Message);

        Assert.Equal(0, await _factory.InScopeAsync(s => s.GetRequiredService<IMediator>().Send(new CountInstances())));
    }

    public sealed record CountInstances : IWorkflowCommand<long>;

    public sealed class CountInstancesHandler(WorkflowHost.Workflows.Persistence.IWorkflowQueryStore queries) : IRequestHandler<CountInstances, long>
    {
        public async Task<long> Handle(CountInstances request, CancellationToken cancellationToken) =>
            (await queries.QueryInstancesAsync(new(), cancellationToken)).TotalCount;
    }
}
