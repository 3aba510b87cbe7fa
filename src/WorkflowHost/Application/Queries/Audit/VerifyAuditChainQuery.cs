using MediatR;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application.Queries.Audit;

/// <summary>Re-computes the audit trail's hash chain.</summary>
public sealed record VerifyAuditChainQuery : IQuery<AuditChainVerification>;

public sealed class VerifyAuditChainQueryHandler(IAuditTrail trail) : IRequestHandler<VerifyAuditChainQuery, AuditChainVerification>
{
    public Task<AuditChainVerification> Handle(VerifyAuditChainQuery request, CancellationToken cancellationToken) =>
        trail.VerifyAsync(cancellationToken);
}
