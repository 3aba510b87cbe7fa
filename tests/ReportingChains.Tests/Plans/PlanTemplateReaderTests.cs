using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.ReportingChains.Tests.Plans;

public class PlanTemplateReaderTests
{
    private static JsonObject MinimalPlan() => JsonNode.Parse("""
        {
          "id": "test",
          "number": "1-KH/TU",
          "issueDate": "2022-03-15",
          "issuingBody": "TU",
          "kind": "InterimReview",
          "subject": "Sơ kết thử",
          "period": { "from": "2017-07-01", "to": "2022-07-31" },
          "levels": [
            { "key": "huyen", "name": "Cấp huyện",
              "reportingUnits": [ { "mode": "ByKind", "kinds": ["DistrictCommittee"], "under": "TU" } ],
              "recipient": "TU", "via": "TU-BDV", "deadline": "trước ngày 30/9/2022" }
          ],
          "outline": [
            { "number": "I", "title": "Lãnh đạo, chỉ đạo" },
            { "number": "II", "title": "Kết quả", "required": false, "children": [
              { "number": "II.1", "title": "Số liệu", "requiresStatistics": true } ] }
          ],
          "indicators": [
            { "code": "NHA", "name": "Số nhà", "unit": "căn", "kind": "Count", "amountCode": "NHA-TIEN" },
            { "code": "NHA-TIEN", "name": "Số tiền", "unit": "đồng", "kind": "Amount" }
          ]
        }
        """)!.AsObject();

    private static PlanTemplateReadResult Read(JsonObject plan) => PlanTemplateReader.Read(plan.ToJsonString());

    private static IEnumerable<string> Errors(JsonObject plan) => Read(plan).Errors.Select(e => e.ToString());

    [Fact]
    public void MinimalPlanIsValidAndAsOfDefaultsToTheIssueDate()
    {
        var result = Read(MinimalPlan());

        Assert.Empty(result.Errors);
        var template = result.Template!;
        Assert.Equal(new DateOnly(2022, 3, 15), template.AsOf);
        Assert.Equal(IndicatorAggregation.Sum, template.Indicators[0].Aggregation);
        Assert.True(template.Indicators[0].WholeNumbers);
        Assert.False(template.Indicators[1].WholeNumbers);
        Assert.True(template.FindSection("I")!.Required);
        Assert.Equal(["I", "II", "II.1"], template.AllSections().Select(s => s.Number));
    }

    [Fact]
    public void InvalidJsonGivesOneErrorWithLineAndPosition()
    {
        var result = PlanTemplateReader.Read("{\n  \"id\": \"x\",\n  \"subject\": oops\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("invalid JSON at line 3, position", error.Message);
        Assert.Null(result.Template);
    }

    [Fact]
    public void RootThatIsNotAnObjectIsAnErrorNotAnException()
    {
        Assert.Equal(["$: expected an object"], PlanTemplateReader.Read("[1,2]").Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AllMissingRequiredFieldsAreReportedTogether()
    {
        var plan = MinimalPlan();
        plan.Remove("subject");
        plan.Remove("issuingBody");
        plan["indicators"]![1]!.AsObject().Remove("unit");

        var errors = Errors(plan).ToList();

        Assert.Contains("$.subject: required", errors);
        Assert.Contains("$.issuingBody: required", errors);
        Assert.Contains("$.indicators[1].unit: required", errors);
    }

    [Fact]
    public void DuplicateSectionNumberNamesTheSecondOccurrence()
    {
        var plan = MinimalPlan();
        plan["outline"]![1]!["children"]!.AsArray().Add(JsonNode.Parse("""{ "number": "II.1", "title": "Lặp" }"""));

        Assert.Contains(
            "$.outline[1].children[1].number: duplicate section number \"II.1\" (first at $.outline[1].children[0].number)",
            Errors(plan));
    }

    [Fact]
    public void ChildSectionNumberMustExtendItsParentsNumber()
    {
        var plan = MinimalPlan();
        plan["outline"]![1]!["children"]![0]!["number"] = "III.1";

        Assert.Contains("$.outline[1].children[0].number: \"III.1\" must start with its parent's number \"II.\"",
            Errors(plan));
    }

    [Fact]
    public void UnknownEnumValueListsTheExpectedValues()
    {
        var plan = MinimalPlan();
        plan["indicators"]![0]!["kind"] = "Sum2";
        plan["kind"] = "sơ kết";

        var errors = Errors(plan).ToList();

        Assert.Contains("$.indicators[0].kind: unknown value \"Sum2\" (expected Count, Amount)", errors);
        Assert.Contains("$.kind: unknown value \"sơ kết\" (expected InterimReview, FinalReview, Implementation)", errors);
    }

    [Fact]
    public void IndicatorCodesMustBeUniqueAndWellFormed()
    {
        var plan = MinimalPlan();
        plan["indicators"]!.AsArray().Add(JsonNode.Parse("""{ "code": "NHA", "name": "Lặp", "unit": "căn", "kind": "Count" }"""));
        plan["indicators"]!.AsArray().Add(JsonNode.Parse("""{ "code": "nha tam", "name": "Sai", "unit": "căn", "kind": "Count" }"""));

        var errors = Errors(plan).ToList();

        Assert.Contains("$.indicators[2].code: duplicate indicator code \"NHA\" (first at $.indicators[0].code)", errors);
        Assert.Contains(errors, e => e.StartsWith("$.indicators[3].code: \"nha tam\" is not an indicator code"));
    }

    [Fact]
    public void EmptyOutlineIsRejected()
    {
        var plan = MinimalPlan();
        plan["outline"] = new JsonArray();
        plan["indicators"] = new JsonArray();

        Assert.Equal(["$.outline: must not be empty"], Errors(plan));
    }

    [Fact]
    public void InvalidDatesAndAReversedPeriodAreReported()
    {
        var plan = MinimalPlan();
        plan["issueDate"] = "2022-02-30";
        plan["period"]!["from"] = "2022-08-01";

        var errors = Errors(plan).ToList();

        Assert.Contains("$.issueDate: invalid date \"2022-02-30\" (expected yyyy-MM-dd)", errors);
        Assert.Contains("$.period.to: 2022-07-31 is before $.period.from (2022-08-01)", errors);
    }

    [Fact]
    public void AsOfIsRequiredWhenTheIssueDateIsBlank()
    {
        var plan = MinimalPlan();
        plan.Remove("issueDate");
        Assert.Equal(["$.asOf: required when issueDate is not given"], Errors(plan));

        plan["asOf"] = "2022-09-01";
        Assert.Equal(new DateOnly(2022, 9, 1), Read(plan).Template!.AsOf);
    }

    [Fact]
    public void SectionRequiringStatisticsNeedsIndicators()
    {
        var plan = MinimalPlan();
        plan["indicators"] = new JsonArray();

        Assert.Equal(
            ["$.outline[1].children[0].requiresStatistics: section \"II.1\" requires statistics but the plan has no indicators or targets"],
            Errors(plan));
    }

    [Fact]
    public void IndicatorReferencesAreChecked()
    {
        var plan = MinimalPlan();
        plan["indicators"]![0]!["amountCode"] = "KHONG-CO";
        plan["indicators"]!.AsArray().Add(JsonNode.Parse(
            """{ "code": "CAN", "name": "Căn", "unit": "căn", "kind": "Count", "amountCode": "NHA", "section": "IX" }"""));
        plan["indicators"]!.AsArray().Add(JsonNode.Parse(
            """{ "code": "TIEN2", "name": "Tiền", "unit": "căn", "kind": "Amount" }"""));

        var errors = Errors(plan).ToList();

        Assert.Contains("$.indicators[0].amountCode: no indicator has the code \"KHONG-CO\"", errors);
        Assert.Contains("$.indicators[2].amountCode: \"NHA\" is not an Amount indicator", errors);
        Assert.Contains("$.indicators[2].section: no outline section has the number \"IX\"", errors);
        Assert.Contains(errors, e => e.StartsWith("$.indicators[3].unit: \"căn\" is not a currency unit"));
    }

    [Fact]
    public void MisspeltFieldIsReportedAsUnknown()
    {
        var plan = MinimalPlan();
        plan["outline"]![0]!["titel"] = "Lãnh đạo";

        Assert.Equal(["$.outline[0].titel: unknown field"], Errors(plan));
    }

    [Fact]
    public void LevelProvisionsAreChecked()
    {
        var plan = MinimalPlan();
        plan["levels"]!.AsArray().Add(JsonNode.Parse("""
            { "key": "co-so", "name": "Cấp cơ sở",
              "reportingUnits": [ { "mode": "ChildrenOfRunningUnit", "kinds": ["Grassroots"] } ],
              "parentLevel": "huyện" }
            """));
        plan["levels"]!.AsArray().Add(JsonNode.Parse("""
            { "key": "tinh", "name": "Tỉnh", "reportingUnits": [ { "mode": "Explicit", "units": ["TU"] } ],
              "deadlineSource": "ParentLevel", "deadline": "trước ngày 1/10/2022", "recipient": "TW-BBT" }
            """));

        var errors = Errors(plan).ToList();

        Assert.Contains("$.levels[1].reportingUnits[0].kinds[0]: unknown value \"Grassroots\" (expected CentralBody, ProvincialCommittee, CommitteeBoard, PartyGroup, FrontOrganisation, Department, DistrictCommittee, DirectCommittee, CommuneCommittee, GrassrootsOrganisation)", errors);
        Assert.Contains("$.levels[1].deadline: required when deadlineSource is Plan", errors);
        Assert.Contains("$.levels[1].parentLevel: no level has the key \"huyện\"", errors);
        Assert.Contains("$.levels[2].deadline: must be empty when deadlineSource is ParentLevel", errors);
        Assert.Contains("$.levels[2].parentLevel: required when deadlineSource is ParentLevel", errors);
    }

    [Fact]
    public void ParentLevelsMustNotLoopAndPathsSurviveUnreadableLevels()
    {
        var plan = MinimalPlan();
        plan["levels"] = JsonNode.Parse("""
            [ { "name": "không có key", "reportingUnits": [ { "mode": "Explicit", "units": ["TU"] } ], "recipient": "TU", "deadline": "d" },
              { "key": "a", "name": "A", "parentLevel": "b", "reportingUnits": [ { "mode": "Explicit", "units": ["TU"] } ], "deadline": "d" },
              { "key": "b", "name": "B", "parentLevel": "a", "reportingUnits": [ { "mode": "Explicit", "units": ["TU"] } ], "deadline": "d" },
              { "key": "c", "name": "C", "parentLevel": "c", "reportingUnits": [ { "mode": "Explicit", "units": ["TU"] } ], "deadline": "d" } ]
            """);

        Assert.Equal(
        [
            "$.levels[0].key: required",
            "$.levels[1].parentLevel: the chain of parent levels from \"a\" loops",
            "$.levels[2].parentLevel: the chain of parent levels from \"b\" loops",
            "$.levels[3].parentLevel: a level cannot report to itself",
        ], Errors(plan));
    }

    [Fact]
    public void ChildrenOfTheRunningUnitNeedAParentLevel()
    {
        var plan = MinimalPlan();
        plan["levels"]![0]!["reportingUnits"] = JsonNode.Parse("""[ { "mode": "ChildrenOfRunningUnit" } ]""");

        Assert.Equal(["$.levels[0].reportingUnits[0].mode: ChildrenOfRunningUnit needs the level to have a parentLevel"],
            Errors(plan));
    }

    [Fact]
    public void TasksRecurrencesAndTargetsAreChecked()
    {
        var plan = MinimalPlan();
        plan["tasks"] = JsonNode.Parse("""
            [ { "number": "2.3", "group": "Roadmap", "title": "Thăm hỏi",
                "directing": [ { "mode": "Explicit", "units": ["TU-DUUBND"] } ],
                "recurrence": { "description": "hằng năm", "occasions": [ { "name": "Tết", "calendar": "Lunar", "day": 31, "month": 1 } ] } },
              { "number": "2.3", "group": "Later", "title": "Lặp", "directing": [ { "mode": "Explicit", "units": ["TU"] } ],
                "recurrence": { "description": "không rõ", "fromYear": 2030, "toYear": 2026 } } ]
            """);
        plan["targets"] = JsonNode.Parse("""
            [ { "code": "NHA", "name": "Trùng mã", "unit": "%", "comparison": "AtLeast", "value": 120, "year": 2030 } ]
            """);

        var errors = Errors(plan).ToList();

        Assert.Contains("$.tasks[0].recurrence.occasions[0].day: 31 is not a day of month 1 (Lunar)", errors);
        Assert.Contains("$.tasks[1].group: unknown value \"Later\" (expected Immediate, Roadmap, Standing)", errors);
        Assert.Contains("$.tasks[1].number: duplicate task number \"2.3\" (first at $.tasks[0].number)", errors);
        Assert.Contains("$.tasks[1].recurrence.occasions: a recurrence needs at least one occasion or period", errors);
        Assert.Contains("$.tasks[1].recurrence.toYear: 2026 is before $.tasks[1].recurrence.fromYear (2030)", errors);
        Assert.Contains("$.targets[0].value: a percentage cannot exceed 100", errors);
        Assert.Contains("$.targets[0].code: \"NHA\" is already an indicator code (at $.indicators[0].code)", errors);
    }

    [Fact]
    public void WrongTypesAreErrorsNamingTheField()
    {
        var plan = MinimalPlan();
        plan["outline"]![0]!["required"] = "yes";
        plan["levels"]![0]!["reminderOffsetDays"] = JsonNode.Parse("""[-7, "x", 0]""");
        plan["indicators"] = JsonNode.Parse("{}");

        var errors = Errors(plan).ToList();

        Assert.Contains("$.outline[0].required: expected true or false", errors);
        Assert.Contains("$.levels[0].reminderOffsetDays[1]: expected a whole number", errors);
        Assert.Contains("$.levels[0].reminderOffsetDays: 0 is the deadline itself, not a reminder offset", errors);
        Assert.Contains("$.indicators: expected an array", errors);
    }
}
