using MediatR;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Inbox;

/// <summary>The signed-in user's open inbox items as of today (Asia/Ho_Chi_Minh), earliest due first.</summary>
public sealed record GetMyInboxQuery : IQuery<IReadOnlyList<InboxItemDto>>;

public sealed class GetMyInboxQueryHandler(IInboxQueries inbox, IOrganisationQueries organisation, ICurrentUser currentUser,
    TimeProvider time) : IRequestHandler<GetMyInboxQuery, IReadOnlyList<InboxItemDto>>
{
    public async Task<IReadOnlyList<InboxItemDto>> Handle(GetMyInboxQuery request, CancellationToken cancellationToken)
    {
        var user = currentUser.Principal ?? throw new UnauthorizedAccessException();
        var userName = currentUser.UserName ?? throw new UnauthorizedAccessException();
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var items = await inbox.OpenItemsForAsync(userName, InboxAccess.ScopeOf(user), today, cancellationToken);
        var snapshot = await organisation.SnapshotAsync(today, cancellationToken);
        return items.Select(i => InboxItemDto.From(i, snapshot)).ToList();
    }
}
