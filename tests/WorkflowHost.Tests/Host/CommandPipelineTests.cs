using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Application;
using WorkflowHost.Persistence;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Host;

/// <summary>
/// Commands go through the real pipeline (validation, transaction, audit): the command's writes and its audit record
/// commit together or not at all.
/// </summary>
public sealed class CommandPipelineTests : IDisposable
{
    private readonly TestRoot _root = TestRoot.Create();
    private readonly WorkflowHostFactory _factory;

    public CommandPipelineTests()
    {
        _factory = new WorkflowHostFactory(_root, services: s =>
            s.AddTransient<IRequestHandler<AppointDrafterCommand, int>, AppointDrafterHandler>());
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
    }

    private Task<int> SendAsync(AppointDrafterCommand command) =>
        _factory.InScopeAsync(s => s.GetRequiredService<IMediator>().Send(command));

    private Task<(bool Member, int Audits)> StateAsync(string person) => _factory.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<WorkflowHostDbContext>();
        return (await db.Memberships.AnyAsync(m => m.Person == person),
            await db.AuditRecords.CountAsync(r => r.Action == "DrafterAppointed" && r.Target == "person:" + person));
    });

    [Fact]
    public async Task A_successful_command_commits_its_change_and_its_audit_record()
    {
        await SendAsync(new AppointDrafterCommand("Người Mới", FailIn: null));

        Assert.Equal((true, 1), await StateAsync("Người Mới"));
    }

    [Fact]
    public async Task A_failing_handler_leaves_no_change_and_no_audit_record()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(new AppointDrafterCommand("Người Lỗi", FailIn: "handler")));

        Assert.Equal((false, 0), await StateAsync("Người Lỗi"));
    }

    [Fact]
    public async Task A_failing_audit_rolls_back_the_change_already_saved_by_the_handler()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(new AppointDrafterCommand("Người Kiểm", FailIn: "audit")));

        Assert.Equal((false, 0), await StateAsync("Người Kiểm"));
    }
}

public sealed record AppointDrafterCommand(string Person, string? FailIn) : ICommand<int>, IAuditedCommand<int>
{
    public AuditEntry ToAuditEntry(int membershipId) => FailIn == "audit"
        ? throw new InvalidOperationException("audit failed")
        : new AuditEntry("DrafterAppointed", "person:" + Person, UnitCode: "TU", AfterJson: $$"""{"membershipId":{{membershipId}}}""");
}

public sealed class AppointDrafterHandler(WorkflowHostDbContext db) : IRequestHandler<AppointDrafterCommand, int>
{
    public async Task<int> Handle(AppointDrafterCommand request, CancellationToken cancellationToken)
    {
        var membership = new Membership
        {
            UnitCode = "TU", Person = request.Person, Role = MemberRole.Drafter, Title = "Chuyên viên",
            ValidFrom = new DateOnly(2026, 1, 1),
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        return request.FailIn == "handler" ? throw new InvalidOperationException("handler failed") : membership.Id;
    }
}
