using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Identity;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Identity;

namespace WorkflowHost.Seeding.Organisation;

/// <summary>
/// Loads seeds/organisation/{units,members,users}.json into an empty database (no units yet) at start-up; does
/// nothing once units exist. Everything is read and validated first, then written in one transaction, so a bad file
/// stops start-up with the file and the problem named and leaves the database as it was.
/// </summary>
public sealed class OrganisationSeedLoader(
    WorkflowHostDbContext db,
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    WorkflowHostPaths paths,
    ILogger<OrganisationSeedLoader> logger)
{
    /// <returns>True when the seed data was loaded, false when the database already had an organisation.</returns>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.OrgUnits.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Organisation already present; {Folder} not loaded again", paths.Display(paths.OrganisationSeeds));
            return false;
        }

        var seeds = OrganisationSeedReader.Read(paths.OrganisationSeeds, paths.Display);
        var organisation = OrganisationSeedValidator.Validate(seeds);
        await CheckUsersAgainstIdentityRulesAsync(seeds.UsersPath, organisation.Users);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OrgUnits.AddRange(organisation.Units);
        db.Memberships.AddRange(organisation.Members);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var role in Roles.All)
            if (!await roleManager.RoleExistsAsync(role))
                Ensure(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
        foreach (var seed in organisation.Users)
        {
            var user = new ApplicationUser { UserName = seed.UserName, DisplayName = seed.DisplayName, Email = seed.Email };
            Ensure(await userManager.CreateAsync(user, seed.Password), $"user {seed.UserName}");
            if (seed.Roles.Count > 0)
                Ensure(await userManager.AddToRolesAsync(user, seed.Roles), $"roles of {seed.UserName}");
        }
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Loaded organisation seed data from {Folder}: {Units} units, {Members} memberships, {Users} users",
            paths.Display(paths.OrganisationSeeds), organisation.Units.Count, organisation.Members.Count, organisation.Users.Count);
        return true;
    }

    /// <summary>Identity's own password and user-name rules, checked before anything is written.</summary>
    private async Task CheckUsersAgainstIdentityRulesAsync(string file, IReadOnlyList<ValidatedUser> users)
    {
        var problems = new List<SeedProblem>();
        for (var i = 0; i < users.Count; i++)
        {
            var candidate = new ApplicationUser { UserName = users[i].UserName, DisplayName = users[i].DisplayName, Email = users[i].Email };
            var errors = new List<IdentityError>();
            foreach (var validator in userManager.PasswordValidators)
                errors.AddRange((await validator.ValidateAsync(userManager, candidate, users[i].Password)).Errors);
            foreach (var validator in userManager.UserValidators)
                errors.AddRange((await validator.ValidateAsync(userManager, candidate)).Errors);
            problems.AddRange(errors.Select(e => new SeedProblem(file, $"users[{i}] ({users[i].UserName})", e.Description)));
        }
        if (problems.Count > 0)
            throw new SeedDataException(problems);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Creating {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
