using WorkflowHost.ReportingChains.Calendar;
using MediatR;
using Microsoft.AspNetCore.Identity;
using WorkflowHost.Identity;
using WorkflowHost.Persistence.Identity;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Application.Queries.Me;

/// <summary>Who is signed in: name, roles, and the units they are a member of today.</summary>
public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record MeDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, DateOnly AsOf, IReadOnlyList<MyUnitDto> Units);

public sealed record MyUnitDto(string Code, string Name, string ShortName, UnitLevel Level);

public sealed class GetMeQueryHandler(
    ICurrentUser currentUser, UserManager<ApplicationUser> users, ApproverScope scope, TimeProvider time)
    : IRequestHandler<GetMeQuery, MeDto>
{
    public async Task<MeDto> Handle(GetMeQuery request, CancellationToken cancellationToken)
    {
        var user = currentUser.UserName is { } name ? await users.FindByNameAsync(name) : null;
        if (user is null)
            throw new UnauthorizedAccessException("Nobody is signed in.");
        var asOf = VietnamTime.Today(time);
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var units = await scope.UnitsOfAsync(user.UserName!, asOf, cancellationToken);
        return new MeDto(user.UserName!, user.DisplayName, roles, asOf,
            units.Select(u => new MyUnitDto(u.Code, u.Name, u.ShortName, u.Level)).ToList());
    }
}
