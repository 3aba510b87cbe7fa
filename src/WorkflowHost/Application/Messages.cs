using MediatR;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application;

/// <summary>Marks a request that changes state: it runs in one database transaction (TransactionBehavior).</summary>
public interface ICommand;

/// <summary>A request that changes state and answers with <typeparamref name="TResponse"/>.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommand;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command that leaves an audit record, written by AuditBehavior in the command's transaction once the handler
/// has answered. Return null from <see cref="ToAuditEntry"/> when nothing happened that an auditor cares about.
/// </summary>
public interface IAuditedCommand<in TResponse> : ICommand
{
    AuditEntry? ToAuditEntry(TResponse response);
}
