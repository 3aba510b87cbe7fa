using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Rehearsal;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Tests.Rehearsal;

/// <summary>Plan 004 (Kết luận 102) rehearsed on the demo province of 2019: the 11-indicator appendix rolls up.</summary>
public sealed class Plan004RehearsalTests
{
    [Fact]
    public async Task The_appendix_totals_of_the_provincial_report_equal_the_sum_of_the_values_the_units_entered()
    {
        await using var run = await RehearsalCommand.RunAsync(new RehearsalOptions("004", Late: 0, Reject: 0, Seed: 5), [], TextWriter.Null);
        var summary = run.Summary;
        var seen = run.Host.Observer;
        Assert.True(summary.Complete);

        // 11 indicators, each a count and an amount of money, with figures in them.
        Assert.Equal(22, summary.FinalTotals.Count);
        Assert.True(summary.FinalTotals.Values.Sum() > 0);
        Assert.True(summary.TotalsMatch);

        // Independently of the summary, from the reports in the database: the province's appendix is the sum of the
        // reports it consolidated, and each of those is the sum of what its own reporting units entered.
        await using var scope = run.Host.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<IReportRepository>();
        var chains = seen.Requests.SelectMany(r => r.Units).ToDictionary(u => u.UnitCode, u => u.ChildWorkflowInstanceId);
        var province = seen.Consolidations.Single(c => c.WorkflowInstanceId == run.TopInstanceId);
        Assert.NotEmpty(province.Reported);
        var sums = new Dictionary<string, decimal>();
        foreach (var unit in province.Reported)
        {
            var report = (await reports.FindForInstanceAsync("004", chains[unit], unit))!;
            var own = seen.Consolidations.SingleOrDefault(c => c.WorkflowInstanceId == chains[unit]);
            foreach (var indicator in report.Current.Indicators)
            {
                sums[indicator.Code] = sums.GetValueOrDefault(indicator.Code) + (indicator.Value ?? 0m);
                var entered = own is null
                    ? run.Actors.Entered[unit].GetValueOrDefault(indicator.Code)
                    : own.Reported.Sum(child => run.Actors.Entered[child].GetValueOrDefault(indicator.Code));
                Assert.Equal(entered, indicator.Value ?? 0m);
            }
        }
        Assert.Equal(sums.OrderBy(p => p.Key), summary.FinalTotals.OrderBy(p => p.Key));
        // The province's report is approved by Ban Thường vụ before Ban Dân vận's deadline (trước ngày 20/3/2019).
        Assert.True(summary.ReachedBeforeDeadline, $"reached {summary.Reached}");
    }
}
