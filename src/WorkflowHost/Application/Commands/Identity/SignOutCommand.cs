using MediatR;
using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application.Commands.Identity;

/// <summary>Ends the cookie session of the current user (audited).</summary>
public sealed record SignOutCommand : ICommand<string?>, IAuditedCommand<string?>
{
    public AuditEntry? ToAuditEntry(string? signedOutUser) =>
        signedOutUser is null ? null : new AuditEntry("SignOut", $"user:{signedOutUser}", Actor: signedOutUser);
}

public sealed class SignOutCommandHandler(SignInManager<ApplicationUser> signIn, ICurrentUser currentUser)
    : IRequestHandler<SignOutCommand, string?>
{
    public async Task<string?> Handle(SignOutCommand request, CancellationToken cancellationToken)
    {
        var userName = currentUser.UserName;
        await signIn.SignOutAsync();
        return userName;
    }
}
