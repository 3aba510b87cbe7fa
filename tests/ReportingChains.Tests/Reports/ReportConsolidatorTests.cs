using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Reports.Consolidation;
using WorkflowHost.ReportingChains.Tests.Plans;
using static WorkflowHost.ReportingChains.Tests.Reports.TestPlans;

namespace WorkflowHost.ReportingChains.Tests.Reports;

public class ReportConsolidatorTests
{
    [Fact]
    public void TotalsAreExactDecimalSumsOverManyChildren()
    {
        const int children = 400;
        var units = Enumerable.Range(1, children).Select(i => $"CS-{i:000}").ToList();
        // values chosen so binary floating point would drift: 0.1 steps of km and money with odd cents
        var reports = units.Select((u, i) => Approved(u,
            ("NHA", i % 7), ("NHA-TIEN", 1234567.89m + i * 0.01m), ("DUONG", 0.1m * (i % 13)))).ToList();

        var result = ReportConsolidator.Consolidate(Small, units, reports);

        long cents = 0, tenthsKm = 0, houses = 0;
        for (var i = 0; i < children; i++)
        {
            cents += 123456789 + i;
            tenthsKm += i % 13;
            houses += i % 7;
        }
        Assert.Equal(houses, result.TotalOf("NHA")!.Total);
        Assert.Equal(cents / 100m, result.TotalOf("NHA-TIEN")!.Total);
        Assert.Equal(tenthsKm / 10m, result.TotalOf("DUONG")!.Total);
        Assert.Equal(children, result.TotalOf("NHA-TIEN")!.ReportedBy);
        Assert.Equal(units, result.TotalOf("NHA")!.Children.Select(c => c.UnitCode));
        Assert.Equal(1234567.90m, result.TotalOf("NHA-TIEN")!.Children[1].Value);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void MissingUnitsAreListedWithHowFarTheyGot()
    {
        var drafting = NewReport("HU-SIMACAI");
        var submitted = NewReport("HU-BACHA");
        Ok(submitted.SaveDraft(Small, Complete(("NHA", 100)), "cv", Monday));
        Ok(submitted.Submit(Small, "cv", Monday));

        var result = ReportConsolidator.Consolidate(Small,
            ["HU-BATXAT", "HU-SIMACAI", "HU-BACHA", "HU-VANBAN"],
            [Approved("HU-BATXAT", ("NHA", 2)), drafting, submitted]);

        Assert.Equal(["HU-BATXAT"], result.Reported.Select(r => r.UnitCode));
        Assert.Equal(
            [new MissingChild("HU-SIMACAI", ReportStatus.Draft), new MissingChild("HU-BACHA", ReportStatus.Submitted), new MissingChild("HU-VANBAN", null)],
            result.Missing);
        Assert.Equal(2m, result.TotalOf("NHA")!.Total);
    }

    [Fact]
    public void DraftValuesNeverReachTheTotals()
    {
        var report = Approved("HU-BATXAT", ("NHA", 10));
        var other = Approved("HU-SAPA", ("NHA", 5));
        Assert.Equal(15m, ReportConsolidator.Consolidate(Small, ["HU-BATXAT", "HU-SAPA"], [report, other]).TotalOf("NHA")!.Total);

        // the via body returns Bát Xát's report; its new draft says 50 but is not approved yet
        Ok(report.Return("bdv", Monday, ["Số liệu chưa khớp."]));
        Ok(report.SaveDraft(Small, Complete(("NHA", 50)), "cv", Monday));
        var whileRevising = ReportConsolidator.Consolidate(Small, ["HU-BATXAT", "HU-SAPA"], [report, other]);
        Assert.Equal(5m, whileRevising.TotalOf("NHA")!.Total);
        Assert.Equal(new MissingChild("HU-BATXAT", ReportStatus.Draft), Assert.Single(whileRevising.Missing));

        Ok(report.Submit(Small, "cv", Monday));
        Assert.Equal(5m, ReportConsolidator.Consolidate(Small, ["HU-BATXAT", "HU-SAPA"], [report, other]).TotalOf("NHA")!.Total);

        Ok(report.MarkApproved("bithu", Monday));
        var afterApproval = ReportConsolidator.Consolidate(Small, ["HU-BATXAT", "HU-SAPA"], [report, other]);
        Assert.Equal(55m, afterApproval.TotalOf("NHA")!.Total);
        Assert.Equal(2, afterApproval.Reported.Single(r => r.UnitCode == "HU-BATXAT").VersionNumber);
    }

    [Fact]
    public void SectionTextsStandSideBySideInTheExpectedOrder()
    {
        var a = NewReport("HU-A");
        Ok(a.SaveDraft(Small, Draft([("I", "A quán triệt."), ("II.1", "A hỗ trợ."), ("V", "A kiến nghị.")]), "cv", Monday));
        Ok(a.Submit(Small, "cv", Monday));
        Ok(a.MarkApproved("bt", Monday));
        Ok(a.MarkReceived("bdv", Monday));

        var result = ReportConsolidator.Consolidate(Small, ["HU-B", "HU-A"], [a, Approved("HU-B")]);

        Assert.Equal(["I", "II", "II.1", "V"], result.Sections.Select(s => s.Section.Number));
        Assert.Equal([new ChildText("HU-B", "Đã quán triệt."), new ChildText("HU-A", "A quán triệt.")], result.Sections[0].Texts);
        Assert.Empty(result.Sections[1].Texts);
        Assert.Equal([new ChildText("HU-A", "A kiến nghị.")], result.Sections[3].Texts);
        Assert.Equal(ReportStatus.Received, result.Reported.Single(r => r.UnitCode == "HU-A").Status);
    }

    [Fact]
    public void LocalIndicatorsAreSummedByCodeUnlessDefinedDifferently()
    {
        var trees = new LocalIndicatorDefinition("DP-CAY", "Số cây xanh", "cây", IndicatorKind.Count);
        var otherTrees = new LocalIndicatorDefinition("DP-CAY", "Số cây xanh", "ha", IndicatorKind.Count);
        var wells = new LocalIndicatorDefinition("DP-GIENG", "Số giếng nước", "giếng", IndicatorKind.Count);
        Report WithLocals(string unit, params (LocalIndicatorDefinition Def, decimal Value)[] locals)
        {
            var report = NewReport(unit);
            Ok(report.SaveDraft(Small, Draft([("I", "x"), ("II.1", "y")], locals.Select(l => (l.Def.Code, l.Value)).ToArray(),
                locals.Select(l => l.Def).ToArray()), "cv", Monday));
            Ok(report.Submit(Small, "cv", Monday));
            Ok(report.MarkApproved("bt", Monday));
            return report;
        }

        var sameTrees = ReportConsolidator.Consolidate(Small, ["U1", "U2", "U3"],
            [WithLocals("U1", (trees, 100), (wells, 2)), WithLocals("U2", (trees, 250)), WithLocals("U3")]);
        Assert.Equal(350m, sameTrees.TotalOf("DP-CAY")!.Total);
        Assert.Equal(["U1", "U2"], sameTrees.TotalOf("DP-CAY")!.Children.Select(c => c.UnitCode));
        Assert.Equal(2m, sameTrees.TotalOf("DP-GIENG")!.Total);
        Assert.Empty(sameTrees.LocalIndicatorConflicts);

        var clash = ReportConsolidator.Consolidate(Small, ["U1", "U2"],
            [WithLocals("U1", (trees, 100)), WithLocals("U2", (otherTrees, 3))]);
        Assert.Null(clash.TotalOf("DP-CAY"));
        Assert.Equal("DP-CAY", Assert.Single(clash.LocalIndicatorConflicts).Code);
    }

    [Fact]
    public void TheTotalsPrefillTheParentsDraftWithBothSumAndOwnValue()
    {
        var trees = new LocalIndicatorDefinition("DP-CAY", "Số cây xanh", "cây", IndicatorKind.Count);
        var child = NewReport("HU-A");
        Ok(child.SaveDraft(Small, Draft([("I", "x"), ("II.1", "y")], [("NHA", 3), ("DP-CAY", 40)], [trees]), "cv", Monday));
        Ok(child.Submit(Small, "cv", Monday));
        Ok(child.MarkApproved("bt", Monday));
        var consolidated = ReportConsolidator.Consolidate(Small, ["HU-A", "HU-B"], [child, Approved("HU-B", ("NHA", 4))]);
        var parent = NewReport("TU");

        Ok(parent.ApplyChildrenTotals(Small, consolidated.ToChildrenTotals(), "cv.tinh", Monday));

        Assert.Equal((7m, 7m), (parent.Current.ValueOf("NHA"), parent.Current.EntryOf("NHA")!.ChildrenSum));
        Assert.Null(parent.Current.EntryOf("NHA-TIEN")); // no child gave it: nothing to pre-fill
        Assert.Equal(40m, parent.Current.ValueOf("DP-CAY"));
        Assert.Equal("DP-CAY", Assert.Single(parent.Current.LocalIndicators).Code);
    }

    [Fact]
    public void UnexpectedReportsAreIgnoredAndCallerMistakesThrow()
    {
        var result = ReportConsolidator.Consolidate(Small, ["HU-A"], [Approved("HU-A", ("NHA", 1)), Approved("HU-X", ("NHA", 9))]);
        Assert.Equal(["HU-X"], result.IgnoredUnits);
        Assert.Equal(1m, result.TotalOf("NHA")!.Total);

        Assert.Throws<ArgumentException>(() => ReportConsolidator.Consolidate(Small, ["HU-A"], [Approved("HU-A"), Approved("HU-A")]));
        Assert.Throws<ArgumentException>(() => ReportConsolidator.Consolidate(Small, ["HU-A"], [NewReport("HU-A", planId: "004")]));
    }

    [Fact]
    public void Plan004AppendixTotalsEqualTheSumOfTheUnitsValues()
    {
        var plan = Read(File.ReadAllText(RepositoryFiles.PathOf("workflows", "plans", "004.plan.json")));
        var units = plan.FindLevel("tinh-co-quan")!.ReportingUnits.SelectMany(s => s.Units).ToList();
        var random = new Random(4);
        var entered = new Dictionary<string, decimal>();
        var reports = units.Select(unit =>
        {
            var values = plan.Indicators.ToDictionary(i => i.Code, i => i.Kind == IndicatorKind.Amount
                ? random.Next(0, 500_000_000) + random.Next(0, 100) / 100m
                : i.WholeNumbers ? random.Next(0, 60) : random.Next(0, 400) / 10m);
            foreach (var (code, value) in values) entered[code] = entered.GetValueOrDefault(code) + value;
            var report = Report.Start(Guid.NewGuid(), "004", "wf", unit, "tinh-co-quan", "cv", Monday);
            var texts = plan.AllSections().Where(s => s.Required).ToDictionary(s => s.Number, s => "Nội dung " + unit);
            Ok(report.SaveDraft(plan, new ReportDraft(texts, values, []), "cv", Monday));
            Ok(report.Submit(plan, "cv", Monday));
            Ok(report.MarkApproved("bt", Monday));
            return report;
        }).ToList();

        var result = ReportConsolidator.Consolidate(plan, units, reports);

        Assert.Equal(22, result.Indicators.Count);
        Assert.All(result.Indicators, t => Assert.Equal(entered[t.Code], t.Total));
        Assert.All(result.Indicators, t => Assert.Equal(units.Count, t.ReportedBy));
        Assert.Empty(result.Missing);
    }
}
