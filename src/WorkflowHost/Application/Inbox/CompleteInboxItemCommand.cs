using WorkflowHost.Infrastructure.WorkflowEngine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.Application.Inbox;

/// <summary>
/// Completes an inbox item: resumes its engine task with <c>{completedBy, comment, data}</c>. The item itself is
/// marked done by the <see cref="RunTaskInbox"/> handler inside the engine's commit.
/// <para>
/// A workflow command, not an <see cref="ICommand"/>: the engine commit is its transaction (see
/// <see cref="IWorkflowCommand{TResponse}"/>); the inbox item is marked done by the RunTaskCompleted handler inside it.
/// </para>
/// </summary>
public sealed record CompleteInboxItemCommand(Guid Id, string? Comment, string? DataJson) : IWorkflowCommand<CompleteInboxItemResult>;

public enum CompleteInboxItemOutcome
{
    Completed,
    NotFound,
    AlreadyClosed,
    Forbidden,
    InvalidData,
}

/// <summary>The outcome with the message shown to the user (Vietnamese).</summary>
public sealed record CompleteInboxItemResult(CompleteInboxItemOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == CompleteInboxItemOutcome.Completed;
}

public sealed class CompleteInboxItemCommandHandler(IInboxItemRepository items, IOrganisationQueries organisation,
    ICurrentUser currentUser, TimeProvider time, IServiceProvider services)
    : IRequestHandler<CompleteInboxItemCommand, CompleteInboxItemResult>
{
    public async Task<CompleteInboxItemResult> Handle(CompleteInboxItemCommand request, CancellationToken cancellationToken)
    {
        var user = currentUser.Principal ?? throw new UnauthorizedAccessException();
        var userName = currentUser.UserName ?? throw new UnauthorizedAccessException();
        var snapshot = await organisation.SnapshotAsync(VietnamTime.DateOf(time.GetUtcNow()), cancellationToken);
        var item = await items.GetAsync(request.Id, cancellationToken);
        if (item is null || !InboxAccess.CanSee(user, item, snapshot))
            return new(CompleteInboxItemOutcome.NotFound, "Không tìm thấy việc này trong hộp việc của bạn.");
        if (item.Status != InboxItemStatus.Open)
            return AlreadyClosed(item.Status);
        if (!InboxAccess.CanComplete(user, item, snapshot))
            return new(CompleteInboxItemOutcome.Forbidden,
                "Bạn không có quyền hoàn thành việc này: chỉ thành viên của đơn vị (vào ngày hôm nay) hoặc quản trị viên mới được hoàn thành.");

        JsonNode? data = null;
        if (!string.IsNullOrWhiteSpace(request.DataJson))
        {
            try
            {
                data = JsonNode.Parse(request.DataJson);
            }
            catch (JsonException e)
            {
                return new(CompleteInboxItemOutcome.InvalidData, $"Dữ liệu kèm theo không phải JSON hợp lệ: {e.Message}");
            }
        }

        // Resolved here, not injected: the engine is registered by the host's engine module, which the inbox must not
        // require to start (pages and queries work without it).
        var runtime = services.GetService(typeof(IWorkflowRuntime)) as IWorkflowRuntime
            ?? throw new InvalidOperationException("The workflow engine (IWorkflowRuntime) is not registered.");
        var resumed = await runtime.CompleteTaskAsync(item.TaskId, InboxCompletion.Result(userName, request.Comment, data),
            cancellationToken);
        return resumed.Outcome == ResumeOutcome.Resumed
            ? new(CompleteInboxItemOutcome.Completed, "Đã hoàn thành việc.")
            : AlreadyClosed(InboxItemStatus.Done); // the engine has no such open task: completed elsewhere meanwhile
    }

    private static CompleteInboxItemResult AlreadyClosed(InboxItemStatus status) => new(CompleteInboxItemOutcome.AlreadyClosed,
        status == InboxItemStatus.Cancelled ? "Việc này đã bị hủy (quy trình đã kết thúc)." : "Việc này đã được hoàn thành.");
}
