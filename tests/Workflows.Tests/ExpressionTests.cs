using System.Text.Json.Nodes;
using WorkflowHost.Workflows.Expressions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Tests.Support;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.Workflows.Tests;

public class ExpressionTests
{
    private static async Task<(TestEngine Engine, WorkflowRunResult Run)> RunTextAsync(JsonObject text, JsonArray? variables = null, JsonObject? input = null)
    {
        var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart([Activity("w", "Elsa.WriteLine", ("text", text))]), variables), input);
        return (engine, run);
    }

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("return 'from ' + 'function body';", "from function body")]
    [InlineData("JSON.stringify({a: [1, 2]})", "{\"a\":[1,2]}")]
    [InlineData("variables.greeting + ', ' + input.Name", "Hello, Lan")]
    [InlineData("getGreeting() + ' ' + getName() + ' ' + getInput('Name')", "Hello Lan Lan")]
    [InlineData("getWorkflowInstanceId().length", "24")]
    public async Task JavaScript_sees_variables_and_inputs(string script, string expected)
    {
        var (engine, run) = await RunTextAsync(Js(script), new JsonArray(Variable("g", "greeting", "String", "Hello")), new JsonObject { ["Name"] = "Lan" });
        await using var _ = engine;
        Assert.Equal([expected], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task Assigning_variables_in_javascript_writes_them_back()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [Activity("a", "Elsa.WriteLine", ("text", Js("variables.total = 40; setVariable('extra', 2); 'x'"))),
             Activity("b", "Elsa.WriteLine", ("text", Js("getTotal() + getVariable('extra')")))],
            ("a", "Done", "b")), new JsonArray(Variable("t", "total", "Int32", "0"))));

        Assert.Equal(["x", "42"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task Literal_object_variable_and_input_expressions_evaluate()
    {
        await using var engine = new TestEngine();
        var run = await engine.RunAsync(Definition(Flowchart(
            [
                Activity("lit", "Elsa.WriteLine", ("text", Lit("plain"))),
                Activity("var", "Elsa.WriteLine", ("text", Var("greeting"))),
                Activity("inp", "Elsa.WriteLine", ("text", new JsonObject { ["expression"] = new JsonObject { ["type"] = "Input", ["value"] = "Name" } })),
                Activity("obj", "Elsa.WriteLine", ("text", Obj("{\"k\":1}"))),
            ],
            ("lit", "Done", "var"), ("var", "Done", "inp"), ("inp", "Done", "obj")), new JsonArray(Variable("g", "greeting", "String", "Xin chào"))),
            new JsonObject { ["Name"] = "Lan" });

        Assert.Equal(["plain", "Xin chào", "Lan", "{\"k\":1}"], await engine.WrittenLinesAsync(run.InstanceId));
    }

    [Fact]
    public async Task An_endless_loop_becomes_an_incident_instead_of_hanging()
    {
        var (engine, run) = await RunTextAsync(Js("while (true) { }"));
        await using var _ = engine;

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (run.Status, run.SubStatus));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("w", incident.ActivityId);
        Assert.Contains("statements", incident.Message);
    }

    [Fact]
    public async Task Deep_recursion_and_runtime_errors_become_incidents()
    {
        var (engine, run) = await RunTextAsync(Js("function f(n) { return f(n + 1); } f(0)"));
        await using var _ = engine;
        Assert.Contains("recursion", Assert.Single(run.Incidents).Message);

        var (engine2, run2) = await RunTextAsync(Js("undefinedFunction()"));
        await using var __ = engine2;
        Assert.Contains("JavaScript error", Assert.Single(run2.Incidents).Message);
        var record = (await engine2.Store.ListActivityRecordsAsync(run2.InstanceId)).Single(r => r.ActivityId == "w");
        Assert.Equal(ActivityStatus.Faulted, record.Status);
        Assert.NotNull(record.Exception);
    }

    [Fact]
    public async Task A_huge_result_is_refused()
    {
        var (engine, run) = await RunTextAsync(Js("var s = 'x'; for (var i = 0; i < 21; i++) s = s + s; s"));
        await using var _ = engine;
        Assert.Contains("larger than", Assert.Single(run.Incidents).Message);
    }

    [Fact]
    public void Es6_syntax_is_reported_as_unparsable()
    {
        var handler = new JavaScriptExpressionHandler();
        Assert.NotNull(handler.Check(new Expression("JavaScript", "[1,2].map(x => x * 2)")));
        Assert.NotNull(handler.Check(new Expression("JavaScript", "`template ${1}`")));
        Assert.Null(handler.Check(new Expression("JavaScript", "return [1,2].map(function (x) { return x * 2; });")));
    }
}
