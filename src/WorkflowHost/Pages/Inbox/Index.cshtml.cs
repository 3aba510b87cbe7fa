using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Inbox;

namespace WorkflowHost.Pages.Inbox;

/// <summary>Hộp việc: the signed-in user's open items.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<InboxItemDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await mediator.Send(new GetMyInboxQuery(), cancellationToken);
}
