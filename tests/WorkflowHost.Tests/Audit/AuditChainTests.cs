using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Audit;

/// <summary>The hash chain of the audit trail, written through the real trail and tampered with in SQL.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly TestRoot _root = TestRoot.Create();
    private readonly WorkflowHostFactory _factory;

    public AuditChainTests()
    {
        _factory = new WorkflowHostFactory(_root);
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
    }

    private Task AppendAsync(string action, string target) => _factory.InScopeAsync(s =>
        s.GetRequiredService<IAuditTrail>().AppendAsync(new AuditEntry(action, target, "TU", "wf-1", "{\"a\":1}", "{\"a\":2}"), "bithu.tu"));

    private Task<AuditChainVerification> VerifyAsync() => _factory.InScopeAsync(s => s.GetRequiredService<IAuditTrail>().VerifyAsync());

    private Task<int> SqlAsync(string sql) => _factory.InScopeAsync(s => s.GetRequiredService<WorkflowHostDbContext>().Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task Appended_records_form_an_intact_numbered_chain()
    {
        await AppendAsync("ReportSubmitted", "report:1");
        await AppendAsync("ReportApproved", "report:1");
        await AppendAsync("ReportForwarded", "report:1");

        var records = await _factory.InScopeAsync(s => s.GetRequiredService<WorkflowHostDbContext>().AuditRecords.OrderBy(r => r.Sequence).ToListAsync());
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(AuditHasher.GenesisHash, records[0].PreviousHash);
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        Assert.Equal(records[1].Hash, records[2].PreviousHash);
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact);
        Assert.Equal(3, verification.VerifiedCount);
    }

    [Fact]
    public async Task Changing_a_field_of_a_record_is_detected()
    {
        for (var i = 1; i <= 3; i++) await AppendAsync("ReportApproved", $"report:{i}");

        await SqlAsync("UPDATE \"AuditRecords\" SET \"Target\" = 'report:99' WHERE \"Sequence\" = 2");

        var verification = await VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.BrokenAtSequence);
        Assert.Equal(1, verification.VerifiedCount);
        Assert.Contains("changed", verification.Problem);
    }

    [Fact]
    public async Task Rewriting_a_record_with_a_fresh_hash_breaks_the_link_to_the_next()
    {
        for (var i = 1; i <= 3; i++) await AppendAsync("ReportApproved", $"report:{i}");
        var forged = await _factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<WorkflowHostDbContext>();
            var original = await db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == 2);
            var unhashed = new AuditRecord
            {
                Sequence = 2, TimeUtc = original.TimeUtc, Actor = "ke.gia.mao", Action = original.Action, Target = original.Target,
                UnitCode = original.UnitCode, WorkflowInstanceId = original.WorkflowInstanceId, BeforeJson = original.BeforeJson,
                AfterJson = original.AfterJson, PreviousHash = original.PreviousHash, Hash = "",
            };
            return AuditHasher.Compute(unhashed);
        });
        await SqlAsync($"UPDATE \"AuditRecords\" SET \"Actor\" = 'ke.gia.mao', \"Hash\" = '{forged}' WHERE \"Sequence\" = 2");

        var verification = await VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.BrokenAtSequence);
        Assert.Contains("previous hash", verification.Problem);
    }

    [Fact]
    public async Task Deleting_a_record_is_detected()
    {
        for (var i = 1; i <= 3; i++) await AppendAsync("ReportApproved", $"report:{i}");

        await SqlAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 2");

        var verification = await VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.BrokenAtSequence);
        Assert.Contains("missing", verification.Problem);
    }
}
