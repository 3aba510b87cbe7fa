using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Commands.Identity;
using WorkflowHost.Application.Validation;

namespace WorkflowHost.Pages;

public sealed class LoginModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SignInOutcome outcome;
        try
        {
            outcome = await mediator.Send(new SignInCommand(UserName?.Trim() ?? "", Password ?? ""), cancellationToken);
        }
        catch (RequestValidationException)
        {
            ErrorMessage = "Vui lòng nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                ErrorMessage = "Tài khoản tạm thời bị khóa vì đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.";
                return Page();
            default:
                ErrorMessage = "Tên đăng nhập hoặc mật khẩu không đúng.";
                return Page();
        }
    }
}
