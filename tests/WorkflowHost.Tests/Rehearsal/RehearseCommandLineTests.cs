using WorkflowHost.Rehearsal;

namespace WorkflowHost.Tests.Rehearsal;

public sealed class RehearseCommandLineTests
{
    [Theory]
    [InlineData(new[] { "rehearse" }, "--plan is required")]
    [InlineData(new[] { "rehearse", "--plan", "002", "--late", "1.5" }, "--late must be a share between 0 and 1")]
    [InlineData(new[] { "rehearse", "--plan", "002", "--units", "0" }, "--units must be at least 1")]
    [InlineData(new[] { "rehearse", "--plan", "002", "--seed" }, "--seed needs a value")]
    [InlineData(new[] { "rehearse", "--plan", "002", "--speed", "2" }, "unknown option --speed")]
    [InlineData(new[] { "rehearse", "--plan", "999" }, "no plan template \"999\"")]
    public async Task Bad_options_give_a_readable_message_and_a_non_zero_exit(string[] args, string message)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await RehearsalCommand.RunAsync(args, output, errors);
        Assert.Equal(2, exit);
        Assert.Contains(message, errors.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Options_read_every_value_and_map_a_plan_number_to_its_workflow()
    {
        var options = RehearsalOptions.Parse(["--plan", "004", "--units", "300", "--late", "0.2", "--reject", "0", "--seed", "42", "--connection", "Data Source=x.db"]);
        Assert.Equal(("004", 300, 0.2, 0.0, 42, "Data Source=x.db"), (options.Plan, options.Units, options.Late, options.Reject, options.Seed, options.Connection));
        Assert.Equal(("plan-004", "004"), (options.DefinitionId, options.PlanId));
        Assert.Equal(("plan-002", "002"), (RehearsalOptions.Parse(["--plan", "plan-002"]).DefinitionId, RehearsalOptions.Parse(["--plan", "plan-002"]).PlanId));
    }
}
