using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.ReportingChains.Tests.Plans;
using static WorkflowHost.ReportingChains.Tests.Reports.TestPlans;

namespace WorkflowHost.ReportingChains.Tests.Reports;

public class ReportTests
{
    [Fact]
    public void StartOpensDraftVersionOneStampedInUtc()
    {
        var report = NewReport();

        var version = Assert.Single(report.Versions);
        Assert.Equal((1, ReportStatus.Draft, (int?)null), (version.Number, version.Status, version.BasedOn));
        Assert.Equal(DateTimeKind.Utc, version.CreatedAtUtc.Kind);
        Assert.Equal(new DateTime(2022, 9, 12, 2, 30, 0, DateTimeKind.Utc), version.CreatedAtUtc);
        Assert.Null(report.LatestAccepted);
    }

    [Fact]
    public void SavingADraftIsRepeatableAndReplacesTheContent()
    {
        var report = NewReport();

        Ok(report.SaveDraft(Small, Draft([("I", "Bản nháp 1")], [("NHA", 3)]), "chuyenvien", Monday));
        Ok(report.SaveDraft(Small, Draft([("I", "Bản nháp 2"), ("II.1", "  ")], [("NHA-TIEN", 1500000)]), "phobithu", Monday.AddHours(2)));

        var version = Assert.Single(report.Versions);
        Assert.Equal("Bản nháp 2", version.TextOf("I"));
        Assert.Null(version.TextOf("II.1")); // whitespace is no text
        Assert.Null(version.ValueOf("NHA"));
        Assert.Equal(1500000m, version.ValueOf("NHA-TIEN"));
        Assert.Equal(("chuyenvien", "phobithu"), (version.CreatedBy, version.UpdatedBy));
        Assert.Equal(Monday.AddHours(2).UtcDateTime, version.UpdatedAtUtc);
    }

    [Fact]
    public void DraftWithUnknownSectionOrIndicatorIsRefusedAndNothingChanges()
    {
        var report = NewReport();
        Ok(report.SaveDraft(Small, Draft([("I", "Giữ nguyên")]), "chuyenvien", Monday));

        var result = report.SaveDraft(Small, Draft([("I", "Mới"), ("IX", "?")], [("KHONG-CO", 1)]), "chuyenvien", Monday);

        Assert.False(result.Succeeded);
        Assert.Equal([(ReportError.UnknownSection, "sections.IX"), (ReportError.UnknownIndicator, "indicators.KHONG-CO")],
            result.Errors.Select(e => (e.Code, e.Field)));
        Assert.Contains("“IX”", result.Errors[0].Message);
        Assert.Equal("Giữ nguyên", report.Current.TextOf("I"));
    }

    [Fact]
    public void SubmissionNeedsEveryRequiredSection()
    {
        var report = NewReport();
        Ok(report.SaveDraft(Small, Draft([("I", "Đã quán triệt.")]), "chuyenvien", Monday));

        var result = report.Submit(Small, "chuyenvien", Monday);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReportError.SectionRequired, "sections.II.1"), (error.Code, error.Field));
        Assert.Equal("Mục II.1 “Hỗ trợ nhà ở” là bắt buộc nhưng chưa có nội dung.", error.Message);
        Assert.Equal(ReportStatus.Draft, report.Current.Status);
    }

    [Fact]
    public void SubmissionChecksTheFigures()
    {
        var report = NewReport();
        Ok(report.SaveDraft(Small, Complete(("NHA", -1), ("NHA-TIEN", 2500.5m), ("DUONG", 12.75m), ("MT-TYLE", 101)), "chuyenvien", Monday));

        var errors = report.Submit(Small, "chuyenvien", Monday).Errors;

        Assert.Equal([(ReportError.NegativeValue, "indicators.NHA"), (ReportError.PercentageOver100, "indicators.MT-TYLE")],
            errors.Select(e => (e.Code, e.Field)));

        Ok(report.SaveDraft(Small, Complete(("NHA", 2.5m)), "chuyenvien", Monday));
        var fraction = Assert.Single(report.Submit(Small, "chuyenvien", Monday).Errors);
        Assert.Equal(ReportError.NotWholeNumber, fraction.Code);
        Assert.Equal("Chỉ tiêu “Tổng số căn” tính bằng căn phải là số nguyên (2,5).", fraction.Message);

        Ok(report.SaveDraft(Small, Complete(("NHA", 3), ("NHA-TIEN", 2500.5m), ("DUONG", 12.75m), ("MT-TYLE", 100)), "chuyenvien", Monday));
        Ok(report.Submit(Small, "chuyenvien", Monday));
        Assert.Equal(ReportStatus.Submitted, report.Current.Status);
    }

    [Fact]
    public void LocalIndicatorsNeedThePlansPrefixAndCountsStayWhole()
    {
        var report = NewReport();
        var trees = new LocalIndicatorDefinition("DP-CAYXANH", "Số cây xanh trồng mới", "cây", IndicatorKind.Count);
        var wrong = new LocalIndicatorDefinition("CAYXANH", "Cây", "cây", IndicatorKind.Count);
        var money = new LocalIndicatorDefinition("DP-QUY", "Quỹ", "cây", IndicatorKind.Amount);

        var refused = report.SaveDraft(Small, Draft(locals: [wrong, money], values: [("CAYXANH", 1)]), "chuyenvien", Monday);
        Assert.Equal(["localIndicators.CAYXANH", "localIndicators.DP-QUY"],
            refused.Errors.Where(e => e.Code == ReportError.LocalIndicatorInvalid).Select(e => e.Field));

        Ok(report.SaveDraft(Small, Draft([("I", "a"), ("II.1", "b")], [("DP-CAYXANH", 120.5m)], [trees]), "chuyenvien", Monday));
        Assert.Equal(ReportError.NotWholeNumber, Assert.Single(report.Submit(Small, "chuyenvien", Monday).Errors).Code);

        var plan000 = Read(File.ReadAllText(RepositoryFiles.PathOf("workflows", "plans", "000.plan.json")));
        var other = NewReport(planId: "000");
        var notAllowed = other.SaveDraft(plan000, Draft(locals: [trees]), "chuyenvien", Monday);
        Assert.Equal(ReportError.LocalIndicatorsNotAllowed, Assert.Single(notAllowed.Errors).Code);
    }

    [Fact]
    public void InvalidTransitionsAreDomainErrorsNotExceptions()
    {
        var report = NewReport();

        var approve = report.MarkApproved("bithu", Monday);
        var receive = report.MarkReceived("bdv", Monday);
        var giveBack = report.Return("bdv", Monday, ["Thiếu số liệu"]);

        Assert.All([approve, receive, giveBack], r => Assert.Equal(ReportError.InvalidTransition, Assert.Single(r.Errors).Code));
        Assert.Equal("Không thể ghi nhận thông qua báo cáo phiên bản 1 đang ở trạng thái “Dự thảo” (cần ở trạng thái “Đã trình tập thể”).",
            approve.Errors[0].Message);

        var approved = Approved("HU-SAPA", ("NHA", 1));
        Assert.Equal(ReportError.InvalidTransition,
            Assert.Single(approved.SaveDraft(Small, Complete(("NHA", 2)), "chuyenvien", Monday).Errors).Code);
        Assert.Equal(1m, approved.Current.ValueOf("NHA"));
        Assert.Equal(ReportError.ActorRequired, Assert.Single(approved.MarkReceived(" ", Monday).Errors).Code);
    }

    [Fact]
    public void ReportOfAnotherPlanCannotUseThisTemplate()
    {
        var report = NewReport(planId: "004");

        var result = report.SaveDraft(Small, Complete(), "chuyenvien", Monday);

        Assert.Equal(ReportError.PlanMismatch, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void RejectionKeepsTheVotedVersionAndContinuesInANewDraft()
    {
        var report = NewReport();
        Ok(report.SaveDraft(Small, Complete(("NHA", 4)), "chuyenvien", Monday));
        Ok(report.Submit(Small, "chuyenvien", Monday));

        Assert.Equal(ReportError.ReasonsRequired, Assert.Single(report.MarkRejected("bithu", Monday, [" "]).Errors).Code);
        Ok(report.MarkRejected("bithu", Monday.AddDays(1), ["Bổ sung đánh giá hạn chế."]));

        Assert.Equal([ReportStatus.Rejected, ReportStatus.Draft], report.Versions.Select(v => v.Status));
        Assert.Equal((2, (int?)1), (report.Current.Number, report.Current.BasedOn));
        Assert.Equal(4m, report.Current.ValueOf("NHA"));
        Assert.Equal("Đã hỗ trợ.", report.Current.TextOf("II.1"));
        Assert.Equal("Bổ sung đánh giá hạn chế.", Assert.Single(report.ReasonsToRevise).Text);

        Ok(report.SaveDraft(Small, Complete(("NHA", 5)), "chuyenvien", Monday.AddDays(2)));
        Assert.Equal(4m, report.Versions[0].ValueOf("NHA")); // the rejected version is untouched
        Ok(report.Submit(Small, "chuyenvien", Monday.AddDays(2)));
        Ok(report.MarkApproved("bithu", Monday.AddDays(3), "Thống nhất."));
        Assert.Equal(2, report.LatestAccepted!.Number);
    }

    [Fact]
    public void ViaBodyReturnsWithReasonsThenReceivesTheRevisionAndAllVersionsAreKept()
    {
        var report = Approved("HU-BATXAT", ("NHA", 7));

        Assert.Equal(ReportError.ReasonsRequired, Assert.Single(report.Return("bdv", Monday, []).Errors).Code);
        Ok(report.Return("bdv", Monday.AddDays(2), ["Số liệu mục II.1 chưa khớp phụ lục.", "Thiếu chữ ký T/M."]));

        Assert.Equal([ReportStatus.Returned, ReportStatus.Draft], report.Versions.Select(v => v.Status));
        Assert.Null(report.LatestAccepted);
        Assert.Equal(2, report.ReasonsToRevise.Count);

        Ok(report.SaveDraft(Small, Complete(("NHA", 8)), "chuyenvien", Monday.AddDays(3)));
        Ok(report.Submit(Small, "chuyenvien", Monday.AddDays(3)));
        Ok(report.MarkApproved("bithu", Monday.AddDays(4)));
        Ok(report.MarkReceived("bdv", Monday.AddDays(5), "Đã nhận."));

        Assert.Equal([ReportStatus.Returned, ReportStatus.Received], report.Versions.Select(v => v.Status));
        Assert.Equal(7m, report.Versions[0].ValueOf("NHA"));
        Assert.Equal((2, 8m), (report.LatestAccepted!.Number, report.LatestAccepted.ValueOf("NHA")));
        Assert.Equal(ReportError.InvalidTransition, Assert.Single(report.Return("bdv", Monday.AddDays(6), ["muộn"]).Errors).Code);
    }

    [Fact]
    public void ChildrenTotalsPrefillTheDraftAndTheDrafterMayAdjustThem()
    {
        var report = NewReport("TU");
        var totals = new ChildrenTotals(new Dictionary<string, decimal> { ["NHA"] = 12, ["NHA-TIEN"] = 30000000.5m }, []);

        Ok(report.ApplyChildrenTotals(Small, totals, "chuyenvien", Monday));
        Assert.Equal(12m, report.Current.ValueOf("NHA"));
        Assert.False(report.Current.EntryOf("NHA")!.DiffersFromChildren);

        // the drafter corrects one figure; saving keeps the children's sums beside it
        var draft = report.Current.ToDraft();
        Ok(report.SaveDraft(Small, draft with
        {
            SectionTexts = Complete().SectionTexts,
            IndicatorValues = new Dictionary<string, decimal>(draft.IndicatorValues) { ["NHA"] = 13 },
        }, "chuyenvien", Monday));
        var nha = report.Current.EntryOf("NHA")!;
        Assert.Equal((13m, 12m, true), (nha.Value, nha.ChildrenSum, nha.DiffersFromChildren));

        // a late child raises the sums: the untouched figure follows, the corrected one stays the drafter's
        Ok(report.ApplyChildrenTotals(Small,
            new ChildrenTotals(new Dictionary<string, decimal> { ["NHA"] = 14, ["NHA-TIEN"] = 31000000.5m }, []), "chuyenvien", Monday));
        Assert.Equal((13m, 14m), (report.Current.ValueOf("NHA"), report.Current.EntryOf("NHA")!.ChildrenSum));
        Assert.Equal(31000000.5m, report.Current.ValueOf("NHA-TIEN"));

        var unknown = report.ApplyChildrenTotals(Small, new ChildrenTotals(new Dictionary<string, decimal> { ["LA"] = 1 }, []), "x", Monday);
        Assert.Equal(ReportError.UnknownIndicator, Assert.Single(unknown.Errors).Code);
    }
}
