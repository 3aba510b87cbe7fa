using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Queries.Me;

namespace WorkflowHost.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public MeDto Me { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Me = await mediator.Send(new GetMeQuery(), cancellationToken);
}
