using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Inbox;
using WorkflowHost.Application.Validation;
using WorkflowHost.Identity;

namespace WorkflowHost.Pages.Inbox;

/// <summary>One item: what the workflow asks (payload) and the completion form.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public InboxItemDetailDto? Detail { get; private set; }
    public string? ErrorMessage { get; private set; }

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? DataJson { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // The page is open to every role; completing needs the ActOnTasks policy (the unit rule is the command's).
        if (!(await authorization.AuthorizeAsync(User, Policies.ActOnTasks)).Succeeded)
            return Forbid();
        var result = await mediator.Send(new CompleteInboxItemCommand(id, Comment, DataJson), cancellationToken);
        if (result.Succeeded)
        {
            TempData["InboxMessage"] = result.Message;
            return RedirectToPage("/Inbox/Index");
        }
        ErrorMessage = result.Message;
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Response.StatusCode = result.Outcome switch
        {
            CompleteInboxItemOutcome.Forbidden => StatusCodes.Status403Forbidden,
            CompleteInboxItemOutcome.AlreadyClosed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Detail = await mediator.Send(new GetInboxItemQuery(id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
