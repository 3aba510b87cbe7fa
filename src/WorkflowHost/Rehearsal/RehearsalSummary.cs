using System.Globalization;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.PlanTasks;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// How one requested unit did: its plan level, its deadline, its first submission upward (null: missing) and, when its
/// chain stopped on an incident (e.g. a collective without members on the plan's date), the incident's message.
/// </summary>
public sealed record UnitOutcome(string UnitCode, string Level, DateTimeOffset? DeadlineUtc, DateTimeOffset? FirstSubmittedAt, string? Fault = null)
{
    public bool Missing => FirstSubmittedAt is null;
    public bool OnTime => FirstSubmittedAt is { } at && (DeadlineUtc is null || at <= DeadlineUtc);
    public bool Late => FirstSubmittedAt is { } at && DeadlineUtc is { } due && at > due;
}

/// <summary>
/// The result of a rehearsal: units on time / late / missing per level, reminders and escalations, rejections and
/// returns, the final report's indicator totals against the sum of what the actors entered, and when (and whether
/// before the plan's deadline) the final report reached its destination. <see cref="LastLine"/> is for scripts.
/// </summary>
public sealed record RehearsalSummary(
    string Plan,
    bool Complete,
    IReadOnlyList<UnitOutcome> Units,
    int Reminders,
    int Escalations,
    int Rejections,
    int Returns,
    IReadOnlyDictionary<string, decimal> FinalTotals,
    IReadOnlyDictionary<string, decimal> EnteredTotals,
    bool FinalReportFound,
    DateTimeOffset? Reached,
    DateTimeOffset? PlanDeadlineUtc,
    IReadOnlyList<string> GenericTaskNames)
{
    public int OnTime => Units.Count(u => u.OnTime);
    public int Late => Units.Count(u => u.Late);
    public int Missing => Units.Count(u => u.Missing);

    /// <summary>Every indicator of the final report equals the sum the actors entered below it (and the other way round).</summary>
    public bool TotalsMatch => FinalReportFound && FinalTotals.Keys.Union(EnteredTotals.Keys)
        .All(code => FinalTotals.GetValueOrDefault(code) == EnteredTotals.GetValueOrDefault(code));

    public bool ReachedBeforeDeadline => Reached is { } at && (PlanDeadlineUtc is null || at <= PlanDeadlineUtc);

    public string LastLine =>
        $"rehearsal {Plan}: complete={Bool(Complete)} units={Units.Count} on_time={OnTime} late={Late} missing={Missing} " +
        $"totals_match={Bool(TotalsMatch)} reached={(Reached is { } at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "none")}";

    public void WriteTo(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Summary of plan {Plan}");
        output.WriteLine($"  {"level",-14} {"units",6} {"on time",8} {"late",6} {"missing",8}");
        foreach (var level in Units.GroupBy(u => u.Level).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {level.Key,-14} {level.Count(),6} {level.Count(u => u.OnTime),8} {level.Count(u => u.Late),6} {level.Count(u => u.Missing),8}");
        foreach (var unit in Units.Where(u => u.Late || u.Missing).OrderBy(u => u.Level, StringComparer.Ordinal).ThenBy(u => u.UnitCode, StringComparer.Ordinal))
            output.WriteLine($"  {(unit.Missing ? "missing" : "late"),-8} {unit.UnitCode} ({unit.Level}), deadline {Show(unit.DeadlineUtc)}, submitted {Show(unit.FirstSubmittedAt)}" +
                             (unit.Fault is null ? "" : $" — stopped: {unit.Fault}"));
        if (Units.Any(u => u.Fault is not null))
            output.WriteLine($"  chains stopped on an incident: {Units.Count(u => u.Fault is not null)}");
        output.WriteLine($"  reminders sent {Reminders}, escalations {Escalations}, collective rejections {Rejections}, returned by via bodies {Returns}");
        if (GenericTaskNames.Count > 0)
            output.WriteLine($"  tasks without a scripted actor, marked done: {GenericTaskNames.Count} (" +
                             string.Join(", ", GenericTaskNames.GroupBy(n => n).Select(g => $"{g.Key} ×{g.Count()}")) + ")");
        output.WriteLine(FinalReportFound
            ? $"  final totals {(TotalsMatch ? "match" : "DO NOT match")} the sum of the values entered ({FinalTotals.Count} indicators)"
            : "  no final report");
        foreach (var code in FinalTotals.Keys.Union(EnteredTotals.Keys).Order(StringComparer.Ordinal)
                     .Where(code => FinalTotals.GetValueOrDefault(code) != EnteredTotals.GetValueOrDefault(code)))
            output.WriteLine($"    {code}: final {FinalTotals.GetValueOrDefault(code)} ≠ entered {EnteredTotals.GetValueOrDefault(code)}");
        output.WriteLine($"  final report reached its destination: {Show(Reached)}" +
                         (PlanDeadlineUtc is null ? "" : $" (plan deadline {Show(PlanDeadlineUtc)}: {(ReachedBeforeDeadline ? "in time" : "NOT in time")})"));
        output.WriteLine(LastLine);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Show(DateTimeOffset? instant) =>
        instant is { } at ? at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm '+07'", CultureInfo.InvariantCulture) : "none";
}

/// <summary>Builds the <see cref="RehearsalSummary"/> from what the observer saw, the actors remember and the database holds.</summary>
public static class RehearsalSummaryBuilder
{
    public static async Task<RehearsalSummary> BuildAsync(string plan, string planId, string topInstanceId, RehearsalDriver driver,
        RehearsalObserver observer, RehearsalActors actors, IReportRepository reports, IPlanTaskRepository planTasks,
        DateTimeOffset? planDeadlineUtc, CancellationToken cancellationToken = default)
    {
        var top = await driver.InstanceAsync(topInstanceId, cancellationToken);
        var units = new List<UnitOutcome>();
        foreach (var requested in observer.Requests.SelectMany(r => r.Units))
        {
            var instance = await driver.InstanceAsync(requested.ChildWorkflowInstanceId, cancellationToken);
            var level = instance?.Input["levelKey"]?.GetValue<string>() ?? "?";
            var due = instance?.Input["deadline"]?["dueUtc"]?.GetValue<DateTimeOffset>();
            var submitted = observer.Submissions.Where(s => s.WorkflowInstanceId == requested.ChildWorkflowInstanceId)
                .Select(s => (DateTimeOffset?)s.SubmittedAt).Min();
            units.Add(new UnitOutcome(requested.UnitCode, level, due, submitted, instance?.Incidents.FirstOrDefault()?.Message));
        }

        // An implementation plan's units are the executing units of its tasks: on time when they completed by the due date.
        foreach (var assigned in observer.PlanTasks)
        foreach (var unit in assigned.Units)
        {
            var completed = observer.PlanTaskProgress.Where(p => p.TaskId == unit.TaskId && p.Completes).Select(p => (DateTimeOffset?)p.ReportedAt).Min();
            units.Add(new UnitOutcome(unit.UnitCode, "nhiem-vu-" + assigned.TaskNumber, assigned.DueUtc, completed));
        }

        var topUnit = observer.Decisions.FirstOrDefault(d => d.WorkflowInstanceId == topInstanceId)?.UnitCode
                      ?? observer.Consolidations.FirstOrDefault(c => c.WorkflowInstanceId == topInstanceId)?.UnitCode;
        var report = topUnit is null ? null : await reports.FindForInstanceAsync(planId, topInstanceId, topUnit, cancellationToken);
        var finalTotals = report is null
            ? new Dictionary<string, decimal>()
            : report.Current.Indicators.ToDictionary(i => i.Code, i => i.Value ?? 0m, StringComparer.Ordinal);
        var entered = topUnit is null ? new Dictionary<string, decimal>() : Entered(topUnit, actors, []);
        var finalFound = report is not null;
        if (report is null && observer.PlanTasks.Count > 0)
        {
            // No report at the top: the plan's "totals" are its target values as the database holds them.
            finalTotals = (await planTasks.ListTargetValuesAsync(planId, cancellationToken)).Where(v => v.WorkflowInstanceId == topInstanceId)
                .GroupBy(v => v.TargetCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(v => v.Value), StringComparer.Ordinal);
            entered = actors.TargetsEntered.GroupBy(e => e.Key.Split('|')[1], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
            finalFound = true;
        }

        var reached = observer.Receipts.Where(r => r.WorkflowInstanceId == topInstanceId).Select(r => (DateTimeOffset?)r.ReceivedAt).Max()
                      ?? observer.Decisions.Where(d => d.WorkflowInstanceId == topInstanceId && d.Decision.Outcome == ApprovalOutcome.Approved)
                          .Select(d => (DateTimeOffset?)d.Decision.DecidedAt).Max();
        return new RehearsalSummary(plan, top?.SubStatus == Workflows.Runtime.WorkflowSubStatus.Finished, units,
            observer.Reminders.Count, observer.Escalations.Count,
            observer.Decisions.Count(d => d.Decision.Outcome == ApprovalOutcome.Rejected), observer.Returns.Count,
            finalTotals, entered, finalFound, reached, planDeadlineUtc, actors.AnsweredGenerically.Select(t => t.TaskName).ToList());
    }

    /// <summary>What the actors entered at the units without children under <paramref name="unit"/>, through the children each level summed.</summary>
    private static Dictionary<string, decimal> Entered(string unit, RehearsalActors actors, HashSet<string> seen)
    {
        var sum = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (!seen.Add(unit)) return sum;
        if (actors.Entered.TryGetValue(unit, out var own))
            foreach (var (code, value) in own) sum[code] = value;
        else if (actors.Included.TryGetValue(unit, out var children))
            foreach (var child in children)
            foreach (var (code, value) in Entered(child, actors, seen))
                sum[code] = sum.GetValueOrDefault(code) + value;
        return sum;
    }
}
