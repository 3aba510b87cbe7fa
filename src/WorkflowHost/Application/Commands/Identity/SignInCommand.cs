using MediatR;
using Microsoft.AspNetCore.Identity;
using WorkflowHost.Application.Validation;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application.Commands.Identity;

/// <summary>Password sign-in with the UI cookie. Successful and failed attempts are both audited.</summary>
public sealed record SignInCommand(string UserName, string Password) : ICommand<SignInOutcome>, IAuditedCommand<SignInOutcome>
{
    public AuditEntry ToAuditEntry(SignInOutcome response) =>
        new(response == SignInOutcome.Succeeded ? "SignIn" : "SignInFailed", $"user:{UserName}",
            AfterJson: $$"""{"outcome":"{{response}}"}""", Actor: UserName);
}

public enum SignInOutcome { Succeeded, Failed, LockedOut }

public sealed class SignInCommandHandler(SignInManager<ApplicationUser> signIn) : IRequestHandler<SignInCommand, SignInOutcome>
{
    public async Task<SignInOutcome> Handle(SignInCommand request, CancellationToken cancellationToken)
    {
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
    }
}

public sealed class SignInCommandValidator : IRequestValidator<SignInCommand>
{
    // The longest user name Identity stores; anything longer cannot belong to anybody.
    private const int MaxUserNameLength = 256;

    public IEnumerable<ValidationError> Validate(SignInCommand request)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > MaxUserNameLength)
            yield return new ValidationError("userName", $"Give a user name of 1 to {MaxUserNameLength} characters.");
        if (string.IsNullOrEmpty(request.Password))
            yield return new ValidationError("password", "Give a password.");
    }
}
