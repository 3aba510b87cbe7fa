using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Razor;
using WorkflowHost.Application.Inbox;
using WorkflowHost.Application.Validation;
using WorkflowHost.Identity;
using WorkflowHost.Pages.Inbox.Forms;
using WorkflowHost.ReportingChains.Inbox;

namespace WorkflowHost.Pages.Inbox;

/// <summary>One item: what the workflow asks (payload) and the completion form — the task's own form when it has one
/// (<see cref="InboxForms"/>), else comment + JSON data.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization, IRazorViewEngine views, IServiceProvider services,
    IServiceScopeFactory scopes) : PageModel
{
    public InboxItemDetailDto? Detail { get; private set; }
    public string? ErrorMessage { get; private set; }

    /// <summary>The task's own form partial, or null for the generic form.</summary>
    public string? FormPartial { get; private set; }

    /// <summary>Why the task's last answer was refused (shown beside the fields of a task form).</summary>
    public TaskRefusal Refusal { get; private set; } = TaskRefusal.None;

    /// <summary>The fields just posted to a task form that was refused: shown again so nothing typed is lost.</summary>
    public IFormCollection? PostedForm { get; private set; }

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
        return await FailedAsync(id, result, cancellationToken);
    }

    /// <summary>
    /// A task form's answer. The task may stay open (a draft saved, or the answer refused by its activity): a refusal
    /// shows the form again with what was posted and the reasons; otherwise the page reloads with the saved state.
    /// </summary>
    public async Task<IActionResult> OnPostFormAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ActOnTasks)).Succeeded)
            return Forbid();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (InboxForms.Answer(Detail!.Item, Request.Form) is not { } data)
            return BadRequest();
        var result = await mediator.Send(new CompleteInboxItemCommand(id, Comment, data.ToJsonString()), cancellationToken);
        if (!result.Succeeded) return await FailedAsync(id, result, cancellationToken);

        // A fresh scope: this request's context still tracks the item as it was before the engine's commit changed it.
        await using (var fresh = scopes.CreateAsyncScope())
            if (!await LoadAsync(id, cancellationToken, fresh.ServiceProvider)) return NotFound();
        if (Detail!.Item.Status != InboxItemStatus.Open)
        {
            TempData["InboxMessage"] = result.Message;
            return RedirectToPage("/Inbox/Index");
        }
        if (Refusal.IsRefused)
        {
            PostedForm = Request.Form;
            ErrorMessage = "Chưa được chấp nhận — nội dung đã nhập vẫn còn bên dưới, hãy sửa các mục được nêu rồi gửi lại.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["InboxMessage"] = "Đã lưu.";
        return RedirectToPage("/Inbox/Details", new { id });
    }

    private async Task<IActionResult> FailedAsync(Guid id, CompleteInboxItemResult result, CancellationToken cancellationToken)
    {
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

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken, IServiceProvider? scope = null)
    {
        try
        {
            Detail = await (scope?.GetRequiredService<IMediator>() ?? mediator).Send(new GetInboxItemQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }
        FormPartial = InboxForms.PartialFor(Detail.Item, views);
        Refusal = Detail.Item.Status == InboxItemStatus.Open
            ? await InboxForms.LastRefusalAsync(Detail.Item, scope ?? services, cancellationToken)
            : TaskRefusal.None;
        return true;
    }
}
