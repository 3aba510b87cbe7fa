using MediatR;
using WorkflowHost.Application.Validation;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Inbox;

/// <summary>One inbox item the user may see (404 otherwise: an item of another unit is not disclosed), and whether
/// the user may complete it.</summary>
public sealed record GetInboxItemQuery(Guid Id) : IQuery<InboxItemDetailDto>;

public sealed record InboxItemDetailDto(InboxItemDto Item, bool CanComplete);

public sealed class GetInboxItemQueryHandler(IInboxItemRepository items, IOrganisationQueries organisation,
    ICurrentUser currentUser, TimeProvider time) : IRequestHandler<GetInboxItemQuery, InboxItemDetailDto>
{
    public async Task<InboxItemDetailDto> Handle(GetInboxItemQuery request, CancellationToken cancellationToken)
    {
        var user = currentUser.Principal ?? throw new UnauthorizedAccessException();
        var snapshot = await organisation.SnapshotAsync(VietnamTime.DateOf(time.GetUtcNow()), cancellationToken);
        var item = await items.GetAsync(request.Id, cancellationToken);
        if (item is null || !InboxAccess.CanSee(user, item, snapshot))
            throw new NotFoundException($"Inbox item {request.Id} does not exist or is not yours.");
        return new InboxItemDetailDto(InboxItemDto.From(item, snapshot),
            item.Status == InboxItemStatus.Open && InboxAccess.CanComplete(user, item, snapshot));
    }
}
