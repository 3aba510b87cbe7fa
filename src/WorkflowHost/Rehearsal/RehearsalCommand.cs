using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;
using WorkflowHost.ReportingChains.PlanTasks;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// <c>dotnet run --project src/WorkflowHost -- rehearse --plan 002 …</c>: runs a plan in virtual time with scripted
/// actors on the real engine and database, prints progress and a summary whose last line is for scripts.
/// </summary>
public static class RehearsalCommand
{
    public const string Verb = "rehearse";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Exit code 0 when the rehearsal ran (whatever its outcome), 2 for bad options, 1 when it could not run.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        RehearsalOptions options;
        try
        {
            options = RehearsalOptions.Parse(args.Skip(1).ToList());
        }
        catch (RehearsalOptionsException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }
        try
        {
            await using var run = await RunAsync(options, [], output, cancellationToken);
            run.Summary.WriteTo(output);
            return 0;
        }
        catch (RehearsalOptionsException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Start-up problems (seed data, workflow files, database) were logged in full; say why the run stopped.
            await errors.WriteLineAsync($"rehearse: the rehearsal could not run: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Runs one rehearsal and keeps its host (and database) open for inspection until the result is disposed;
    /// <paramref name="hostArgs"/> are host configuration arguments (tests pass their root).
    /// </summary>
    public static async Task<RehearsalRun> RunAsync(RehearsalOptions options, string[] hostArgs, TextWriter progress,
        CancellationToken cancellationToken = default)
    {
        var sourceRoot = RepositoryRoot.Locate(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(hostArgs).Build()[RepositoryRoot.OverrideKey]);
        var plan = ReadPlan(sourceRoot, options);
        var start = VietnamTime.At(plan.IssueDate ?? plan.AsOf, new TimeOnly(8, 0));
        string? generatedRoot = null;
        if (options.Units is { } count)
        {
            generatedRoot = GeneratedOrganisation.Create(sourceRoot, count);
            hostArgs = [.. hostArgs, "--" + RepositoryRoot.OverrideKey, generatedRoot];
        }
        var host = await RehearsalHost.StartAsync(options, start, hostArgs, generatedRoot, cancellationToken);
        try
        {
            var planDeadline = await PlanDeadlineAsync(host.Services, plan, cancellationToken);
            var horizon = (planDeadline ?? start.AddYears(5)).AddDays(60);
            progress.WriteLine($"rehearsing {options.DefinitionId} (plan {plan.Id}{(plan.Number is null ? "" : " " + plan.Number)}) from {start:yyyy-MM-dd}, " +
                               $"seed {options.Seed}, late {options.Late}, reject {options.Reject}");

            var actors = new RehearsalActors(options, planDeadline ?? horizon);
            var driver = new RehearsalDriver(host.Services, host.Observer, actors, progress);
            var instanceId = await driver.RunAsync(options.DefinitionId, new JsonObject { ["planId"] = plan.Id }, horizon, cancellationToken);

            await using var scope = host.Services.CreateAsyncScope();
            var summary = await RehearsalSummaryBuilder.BuildAsync(options.Plan, plan.Id, instanceId, driver, host.Observer, actors,
                scope.ServiceProvider.GetRequiredService<IReportRepository>(), scope.ServiceProvider.GetRequiredService<IPlanTaskRepository>(),
                planDeadline, cancellationToken);
            return new RehearsalRun(host, actors, instanceId, summary);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static PlanTemplate ReadPlan(string root, RehearsalOptions options)
    {
        var result = PlanTemplateDirectory.Read(Path.Combine(root, "workflows", "plans"));
        var plan = result.Templates.FirstOrDefault(t => t.Id == options.PlanId);
        if (plan is not null) return plan;
        var known = string.Join(", ", result.Templates.Select(t => t.Id).Order(StringComparer.Ordinal));
        throw new RehearsalOptionsException(
            $"rehearse: --plan {options.Plan}: no plan template \"{options.PlanId}\" in workflows/plans (known: {known}); " +
            "give a plan number or a definition id \"plan-<number>\".");
    }

    /// <summary>The deadline of the plan's top level (the one without a parent level), when it has one.</summary>
    private static async Task<DateTimeOffset?> PlanDeadlineAsync(IServiceProvider services, PlanTemplate plan, CancellationToken cancellationToken)
    {
        var top = plan.Levels.FirstOrDefault(l => l.ParentLevel is null && l.Deadline is not null);
        if (top is null) return null;
        await using var scope = services.CreateAsyncScope();
        var resolved = await scope.ServiceProvider.GetRequiredService<DeadlineResolver>()
            .ResolveAsync(DeadlinePhraseParser.Parse(top.Deadline!), new DeadlineContext(), cancellationToken);
        return resolved.DueUtc;
    }
}
