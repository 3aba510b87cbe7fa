using Microsoft.EntityFrameworkCore;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Application.Calendar;

/// <summary>
/// Demo data for the override table: the government's announced Tết 2026 swap for civil servants (14–22/2/2026 off).
/// Written once, into an empty table only — an admin's later edits (deleting these rows included) are never undone.
/// </summary>
public sealed class HolidayOverrideSeeder(WorkflowHostDbContext db, TimeProvider time, ILogger<HolidayOverrideSeeder> logger)
{
    public const string Tet2026Reason = "Nghỉ Tết Nguyên đán Bính Ngọ 2026 theo thông báo của Chính phủ";

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<HolidayOverrideEntry>().AnyAsync(cancellationToken))
            return;
        var now = time.GetUtcNow();
        for (var day = new DateOnly(2026, 2, 14); day <= new DateOnly(2026, 2, 22); day = day.AddDays(1))
            db.Add(new HolidayOverrideEntry(new HolidayOverride(day, HolidayOverrideKind.DayOff, Tet2026Reason), "seed", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two hosts on one database started together: the other one's rows are the same demo data.
            if (await AnotherHostSeededAsync(cancellationToken))
                return;
            throw;
        }
        logger.LogInformation("Holiday override table seeded with the Tết 2026 days off");
    }

    private async Task<bool> AnotherHostSeededAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<HolidayOverrideEntry>().AnyAsync(cancellationToken);
    }
}

/// <summary>Runs the seeder when the host starts — after Program has migrated the database (InitialiseDatabaseAsync
/// runs before the hosted services start).</summary>
public sealed class HolidayOverrideSeedService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HolidayOverrideSeeder>().SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
