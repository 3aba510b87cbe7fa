using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Tests.Deadlines;

public class DeadlineJsonTests
{
    [Fact]
    public void A_rule_is_written_camelCase_with_a_kind()
    {
        var json = JsonNode.Parse(DeadlineJson.Serialize(
            new BeforeDateRule(new DateOnly(2022, 9, 30)) { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward }))!;

        Assert.Equal("before", (string?)json["kind"]);
        Assert.Equal("2022-09-30", (string?)json["date"]);
        Assert.False((bool)json["inclusive"]!);
        Assert.Equal("rollBackward", (string?)json["onNonWorkingDay"]);
    }

    [Fact]
    public void A_relative_rule_writes_its_offset_and_unit()
    {
        var json = JsonNode.Parse(DeadlineJson.Serialize(new RelativeToParentRule(-5, DayUnit.WorkingDays)))!;
        Assert.Equal("relativeToParent", (string?)json["kind"]);
        Assert.Equal(-5, (int)json["offset"]!);
        Assert.Equal("workingDays", (string?)json["unit"]);
    }

    public static TheoryData<DeadlineRule> AllKinds => new()
    {
        new BeforeDateRule(new DateOnly(2014, 7, 5)),
        new BeforeDateRule(new DateOnly(2022, 9, 30)) { Inclusive = true, OnNonWorkingDay = NonWorkingDayPolicy.RollForward },
        new OnDateRule(new DateOnly(2026, 12, 22)),
        new EndOfMonthRule(2019, 3) { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward },
        new InMonthRule(2026, 6),
        new InYearRule(2026) { ThroughYear = 2027 },
        new RelativeToParentRule(-5, DayUnit.WorkingDays),
        new SetByParentRule(),
    };

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_round_trips(DeadlineRule rule)
    {
        Assert.Equal(rule, DeadlineJson.Deserialize(DeadlineJson.Serialize(rule)));
    }

    [Fact]
    public void The_kind_may_come_after_the_other_properties()
    {
        Assert.Equal(new EndOfMonthRule(2019, 3),
            DeadlineJson.Deserialize("""{"year":2019,"month":3,"kind":"endOfMonth"}"""));
    }

    [Theory]
    [InlineData("""{"kind":"someday"}""")]
    [InlineData("""{"date":"2022-09-30"}""")]
    [InlineData("""{"kind":"before","date":"30/9/2022"}""")]
    [InlineData("not json")]
    public void Unreadable_json_is_a_clear_error(string json)
    {
        var error = Assert.Throws<DeadlineRuleException>(() => DeadlineJson.Deserialize(json));
        Assert.StartsWith("Cannot read the deadline rule", error.Message);
        Assert.StartsWith("Không đọc được quy tắc thời hạn", error.VietnameseMessage);
    }

    [Fact]
    public async Task A_resolved_deadline_is_stored_with_its_rule_and_instant()
    {
        var resolver = new DeadlineResolver(new WorkingDayCalendar(new InMemoryHolidayOverrideSource()));
        var resolved = await resolver.ResolveAsync(new BeforeDateRule(new DateOnly(2022, 9, 30)));

        string json = JsonSerializer.Serialize(resolved, DeadlineJson.Options);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("before", (string?)node["rule"]!["kind"]);
        Assert.Equal("2022-09-29", (string?)node["lastDay"]);
        Assert.Equal(resolved.DueUtc, DateTimeOffset.Parse((string)node["dueUtc"]!));

        Assert.Equal(resolved, JsonSerializer.Deserialize<ResolvedDeadline>(json, DeadlineJson.Options));
    }
}
