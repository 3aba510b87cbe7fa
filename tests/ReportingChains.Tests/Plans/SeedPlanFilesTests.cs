using System.Text.Json;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.ReportingChains.Tests.Plans;

/// <summary>The four seed plans in workflows/plans load cleanly and say what the plan texts say.</summary>
public class SeedPlanFilesTests
{
    public static TheoryData<string> PlanIds => new() { "000", "002", "003", "004" };

    private static PlanTemplate Load(string id)
    {
        var result = PlanTemplateReader.ReadFile(RepositoryFiles.PathOf("workflows", "plans", id + PlanTemplateReader.FileSuffix));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Template!;
    }

    [Theory]
    [MemberData(nameof(PlanIds))]
    public void SeedPlanLoadsWithoutErrors(string id)
    {
        var result = PlanTemplateReader.ReadFile(RepositoryFiles.PathOf("workflows", "plans", id + ".plan.json"));

        Assert.Empty(result.Errors);
        Assert.Equal(id, result.Template!.Id);
    }

    [Theory]
    [MemberData(nameof(PlanIds))]
    public void EveryUnitCodeIsADemoUnitValidOnThePlansDate(string id)
    {
        var template = Load(id);
        var units = DemoUnits();

        foreach (var code in template.ReferencedUnitCodes())
        {
            Assert.True(units.TryGetValue(code, out var validity), $"{id}: unit {code} is not in seeds/organisation/units.json");
            Assert.True(validity.From <= template.AsOf && (validity.To is null || template.AsOf <= validity.To),
                $"{id}: unit {code} is not valid on {template.AsOf:yyyy-MM-dd}");
        }
        foreach (var kind in template.Levels.SelectMany(l => l.ReportingUnits).SelectMany(s => s.Kinds))
            Assert.Contains(kind, PlanUnitKinds.Known);
    }

    [Fact]
    public void Plan000_UnitsReportViaBanToChucBefore5July2014()
    {
        var plan = Load("000");

        Assert.Equal("113-KH/TU", plan.Number);
        Assert.Equal(new DateOnly(2014, 6, 16), plan.IssueDate);
        Assert.Equal(plan.IssueDate, plan.AsOf);
        Assert.Equal("21-CT/TU", Assert.Single(plan.Directives).Number);
        var units = plan.FindLevel("don-vi")!;
        Assert.Equal("trước ngày 05/7/2014", units.Deadline);
        Assert.Equal("TU-BTC", units.Via);
        Assert.Equal(["TU-VP"], units.UrgingBodies);
        Assert.True(units.CollectiveApproval);
        var province = plan.FindLevel("tinh")!;
        Assert.Equal("TU-BTC", province.Drafter);
        Assert.Equal("trước ngày 20/7/2014", province.Deadline);
        Assert.Equal("Thường trực Tỉnh ủy", province.RecipientText);
        Assert.Equal("cuối tháng 7/2014", Assert.Single(plan.Milestones).Due);

        Assert.Equal(["I", "II", "III", "IV", "V"], plan.Outline.Select(s => s.Number));
        Assert.Equal(3, plan.FindSection("I")!.Children.Count);
        Assert.Equal(8, plan.FindSection("II")!.Children.Count);
        Assert.False(plan.FindSection("V")!.Required); // "(nếu có)"
        Assert.Equal(["II.1", "II.3", "II.4", "II.5"],
            plan.AllSections().Where(s => s.RequiresStatistics).Select(s => s.Number));
        Assert.All(plan.Indicators, i => Assert.NotNull(plan.FindSection(i.Section!)));
        Assert.Equal(["UNGHO-TIEN", "DODAU-TIEN"],
            plan.Indicators.Where(i => i.Kind == IndicatorKind.Amount).Select(i => i.Code));
        Assert.Contains(plan.Indicators, i => i.Name.Contains("Người công dân kiểu mẫu"));
        Assert.Contains(plan.Indicators, i => i.Name.Contains("Gia đình cách mạng gương mẫu"));
        Assert.Contains(plan.Indicators, i => i.Unit == "sổ" && i.Name == "Số sổ tiết kiệm");
    }

    [Fact]
    public void Plan002_RunsTheFullChainOnThe2022Tree()
    {
        var plan = Load("002");

        Assert.Null(plan.Number);
        Assert.Null(plan.IssueDate);
        Assert.Equal(new DateOnly(2022, 9, 1), plan.AsOf);
        Assert.Equal(["14-CT/TW", "25-CT/TU"], plan.Directives.Select(d => d.Number));
        Assert.Equal(DocumentRelation.TriggeredBy, Assert.Single(plan.RelatedDocuments).Relation);
        Assert.Equal((new DateOnly(2017, 7, 1), new DateOnly(2022, 7, 31)), (plan.Period!.From, plan.Period.To));

        var coSo = plan.FindLevel("co-so")!;
        Assert.Equal(DeadlineSource.ParentLevel, coSo.DeadlineSource);
        Assert.Equal("huyen", coSo.ParentLevel);
        Assert.Equal(UnitSelectionMode.ChildrenOfRunningUnit, Assert.Single(coSo.ReportingUnits).Mode);
        var huyen = plan.FindLevel("huyen")!;
        Assert.Contains("DistrictCommittee", Assert.Single(huyen.ReportingUnits).Kinds);
        Assert.Equal(("TU-BDV", "trước ngày 30/9/2022"), (huyen.Via, huyen.Deadline));
        Assert.Equal(["TU-BDV", "TU-VP"], huyen.UrgingBodies);
        var bodies = plan.FindLevel("tinh-co-quan")!;
        Assert.Equal(("TU-BDV", "trước ngày 30/9/2022"), (bodies.Via, bodies.Deadline));
        Assert.Equal(10, bodies.ReportingUnits.Single().Units.Count);
        var province = plan.FindLevel("tinh")!;
        Assert.Equal(("TW-BBT", "TU-BDV", "trước ngày 20/10/2022"), (province.Recipient, province.Drafter, province.Deadline));

        Assert.NotEmpty(plan.Outline); // built from the plan's content: the attached outline is missing
        Assert.Empty(plan.Indicators);
    }

    [Fact]
    public void Plan003_HasItsTasksOccasionsPeriodicReportsAndTargetsWithoutHuyen()
    {
        var plan = Load("003");

        Assert.Equal(PlanKind.Implementation, plan.Kind);
        Assert.Equal(new DateOnly(2026, 6, 1), plan.AsOf);
        Assert.Equal(
            ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6"],
            plan.Tasks.Select(t => t.Number));
        Assert.Equal(6, plan.Tasks.Count(t => t.Group == TaskGroup.Immediate));
        Assert.All(plan.Tasks.Where(t => t.Group != TaskGroup.Standing), t => Assert.True(t.Due is not null || t.Recurrence is not null, t.Number));
        Assert.Equal("trước ngày 25/7/2026", plan.Tasks.Single(t => t.Number == "1.3").Due);
        Assert.Equal("trong tháng 6/2026", plan.Tasks.Single(t => t.Number == "1.1").Due);
        Assert.Equal(["TU-DUUBND"], plan.Tasks.Single(t => t.Number == "1.3").Directing.Single().Units);
        Assert.Equal(["ngày 27/7/2026", "ngày 22/12/2026"], plan.Tasks.Single(t => t.Number == "1.4").Milestones.Select(m => m.Due));
        Assert.Equal("trong năm 2026 - 2027", plan.Tasks.Single(t => t.Number == "2.1").Due);
        Assert.NotEmpty(plan.Tasks.Single(t => t.Number == "3.3").Executing);

        var visits = plan.Tasks.Single(t => t.Number == "2.3").Recurrence!;
        Assert.Contains(visits.Occasions, o => o is { Calendar: CalendarKind.Solar, Day: 27, Month: 7 });
        Assert.Contains(visits.Occasions, o => o is { Calendar: CalendarKind.Lunar, Day: 1, Month: 1 });
        Assert.Equal((2026, 2030), (visits.FromYear, visits.ToYear));
        Assert.Equal([RecurrencePeriod.HalfYear, RecurrencePeriod.Year], plan.Tasks.Single(t => t.Number == "2.4").Recurrence!.Periods);

        var periodic = Assert.Single(plan.Levels);
        Assert.Equal(["TU-DUUBND"], periodic.ReportingUnits.Single().Units);
        Assert.Equal("TU", periodic.Recipient);
        Assert.Equal(DeadlineSource.RunTime, periodic.DeadlineSource);
        Assert.Equal([RecurrencePeriod.HalfYear, RecurrencePeriod.Year], periodic.Recurrence!.Periods);

        var noTemporaryHousing = plan.FindTarget("MT-NHATAM")!;
        Assert.Equal((TargetComparison.AtMost, 0m, 2030), (noTemporaryHousing.Comparison, noTemporaryHousing.Value, noTemporaryHousing.Year));
        Assert.Equal(2027, plan.FindTarget("MT-MAUHAICOT")!.Year);
        Assert.All(plan.Targets.Where(t => t.IsPercentage), t => Assert.Equal(100m, t.Value));
        Assert.True(plan.FindSection("III")!.RequiresStatistics);

        var selectedKinds = plan.Tasks.SelectMany(t => t.Directing.Concat(t.Executing)).SelectMany(s => s.Kinds);
        Assert.DoesNotContain("DistrictCommittee", selectedKinds);
        Assert.Contains("CommuneCommittee", selectedKinds);
    }

    [Fact]
    public void Plan004_AppendixHasElevenCountsEachPairedWithAnAmountInDong()
    {
        var plan = Load("004");

        var counts = plan.Indicators.Where(i => i.Kind == IndicatorKind.Count).ToList();
        var amounts = plan.Indicators.Where(i => i.Kind == IndicatorKind.Amount).ToList();
        Assert.Equal(11, counts.Count);
        Assert.Equal(11, amounts.Count);
        Assert.All(amounts, a => Assert.Equal("đồng", a.Unit));
        Assert.All(counts, c => Assert.Equal(c.Group, plan.FindIndicator(c.AmountCode!)!.Group));
        Assert.Equal(11, counts.Select(c => c.AmountCode).Distinct().Count());
        Assert.Equal(["suất", "trẻ em", "người", "căn", "căn", "căn", "người", "phòng", "km", "cây cầu", "đợt"],
            counts.Select(c => c.Unit));
        Assert.Equal("Số lượng suất học bổng", counts[0].Name);
        Assert.Equal("Tổng số kinh phí", plan.FindIndicator(counts[0].AmountCode!)!.Name);
        Assert.Equal("Tổng số tiền", plan.FindIndicator(counts[10].AmountCode!)!.Name);
        Assert.Equal(["DUONG"], counts.Where(c => !c.WholeNumbers).Select(c => c.Code));
        Assert.Equal((true, "DP-"), (plan.LocalIndicators.Allowed, plan.LocalIndicators.CodePrefix));

        Assert.Equal(("TU-BDV", "trước ngày 10/3/2019"), (plan.FindLevel("huyen")!.Via, plan.FindLevel("huyen")!.Deadline));
        Assert.Equal(["TU-SNV", "TU-SLDTBXH"], plan.FindLevel("tinh")!.CoDrafters);
        Assert.Equal("trước ngày 20/3/2019", plan.FindLevel("tinh")!.Deadline);
        Assert.Equal("cuối tháng 3/2019", Assert.Single(plan.Milestones).Due);
        Assert.Equal(["P1", "P2", "PL"], plan.Outline.Select(s => s.Number));
        Assert.Equal("Phần thứ nhất", plan.FindSection("P1")!.DisplayLabel);
        Assert.Equal(6, plan.FindSection("P1.II")!.Children.Count);
        Assert.Equal((new DateOnly(2014, 1, 1), new DateOnly(2018, 12, 31)), (plan.Period!.From, plan.Period.To));
    }

    private static Dictionary<string, (DateOnly From, DateOnly? To)> DemoUnits()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("seeds", "organisation", "units.json")));
        return json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(
            u => u.GetProperty("code").GetString()!,
            u => (DateOnly.Parse(u.GetProperty("validFrom").GetString()!),
                u.GetProperty("validTo").GetString() is { } to ? DateOnly.Parse(to) : (DateOnly?)null));
    }
}

public class PlanTemplateWriterTests
{
    [Theory]
    [MemberData(nameof(SeedPlanFilesTests.PlanIds), MemberType = typeof(SeedPlanFilesTests))]
    public void WrittenTemplateReadsBackToTheSameTemplate(string id)
    {
        var original = PlanTemplateReader.ReadFile(RepositoryFiles.PathOf("workflows", "plans", id + ".plan.json")).Template!;

        var written = PlanTemplateWriter.Write(original);
        var reread = PlanTemplateReader.Read(written);

        Assert.Empty(reread.Errors);
        Assert.Equal(written, PlanTemplateWriter.Write(reread.Template!));
        Assert.Equal(original.AllSections().Select(s => (s.Number, s.Title, s.Required)),
            reread.Template!.AllSections().Select(s => (s.Number, s.Title, s.Required)));
        Assert.Equal(original.Indicators.Select(i => (i.Code, i.Unit, i.Kind, i.WholeNumbers, i.AmountCode)),
            reread.Template.Indicators.Select(i => (i.Code, i.Unit, i.Kind, i.WholeNumbers, i.AmountCode)));
        Assert.Equal(original.AsOf, reread.Template.AsOf);
        Assert.Contains("\"subject\": \"" + original.Subject[..10], written); // Vietnamese kept readable
    }
}
