using MediatR;

namespace WorkflowHost.Infrastructure.WorkflowEngine;

/// <summary>
/// A request that calls the workflow runtime (start, complete a task, resume, cancel, retry). It is deliberately NOT
/// an <c>ICommand</c>: the foundation's TransactionBehavior must not wrap it, because the engine's commit IS the
/// transaction (state, bookmarks, timers, journal and every handler's rows in one), and on SQLite a command
/// transaction held open around the runtime would make the engine's own connection wait for it forever.
/// Engine decisions are audited inside the engine commit (<see cref="WorkflowAuditHandler"/>), with the actor set by
/// the caller through <see cref="WorkflowActor"/>.
/// </summary>
public interface IWorkflowCommand<out TResponse> : IRequest<TResponse>;
